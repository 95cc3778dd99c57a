package org.trackerkg.dossier;

import java.util.Locale;
import java.util.regex.Pattern;

/** What a section of a dossier is about, recognised from its heading whatever its spelling, case or level. */
enum SectionKind {
  TRACKER_NAME, IN_EXODUS, LOCATION, WEBSITE, ABOUT, OWNERSHIP, DETECTION_RULES, DOCUMENTATION, PRODUCTS,
  PRIVACY_POLICY, RELATIONSHIPS, DETAILS, REFERENCES, EXTERNAL_LINKS, ADDITIONAL_LINKS, NOTES, CATEGORY,
  REPOSITORIES, GRADLE, BOILERPLATE, OTHER;

  private static final Pattern NON_ALNUM = Pattern.compile("[^a-z0-9&]+");
  private static final Pattern P0 = Pattern.compile("in e?xodus|in exodus privacy|exodus");
  private static final Pattern P1 = Pattern.compile("(primary |headquarters |hq )?location|headquarters");
  private static final Pattern P2 = Pattern.compile("websites?|homepage|home page");
  private static final Pattern P3 = Pattern.compile("about|what it does|description|overview|summary");
  private static final Pattern P4 = Pattern.compile("owner(ship)?|owned by|parent company");
  private static final Pattern P5 = Pattern.compile("(exodus )?detection rules?|signatures?|exodus signatures?");
  private static final Pattern P6 = Pattern.compile("documentation|docs|sdk documentation");
  private static final Pattern P7 = Pattern.compile("(products?|services)( (and|&) (services|products))?");
  private static final Pattern P8 = Pattern.compile("(privacy|data) polic(y|ies)|privacy");
  private static final Pattern P9 = Pattern.compile("relationships?|partners(hips)?|customers|clients");
  private static final Pattern P10 = Pattern.compile("details?|additional details|more details");
  private static final Pattern P11 = Pattern.compile("references?( (and|&) external links)?|sources|citations");
  private static final Pattern P12 = Pattern.compile("external links?|links");
  private static final Pattern P13 = Pattern.compile("additional links?|other links");
  private static final Pattern P14 = Pattern.compile("notes?|comments?");
  private static final Pattern P15 = Pattern.compile("categor(y|ies)");
  private static final Pattern P16 = Pattern.compile("repositor(y|ies)|maven");

  /** The kind a heading names, or OTHER. */
  static SectionKind of(String heading) {
    String h = NON_ALNUM.matcher(heading.toLowerCase(Locale.ROOT).replace('ε', 'e')).replaceAll(" ").trim();
    if (h.equals("tracker name") || h.equals("name")) {
      return TRACKER_NAME;
    }
    if (P0.matcher(h).matches()) {
      return IN_EXODUS;
    }
    if (P1.matcher(h).matches()) {
      return LOCATION;
    }
    if (P2.matcher(h).matches()) {
      return WEBSITE;
    }
    if (P3.matcher(h).matches()) {
      return ABOUT;
    }
    if (P4.matcher(h).matches()) {
      return OWNERSHIP;
    }
    if (P5.matcher(h).matches()) {
      return DETECTION_RULES;
    }
    if (P6.matcher(h).matches()) {
      return DOCUMENTATION;
    }
    if (P7.matcher(h).matches()) {
      return PRODUCTS;
    }
    if (P8.matcher(h).matches()) {
      return PRIVACY_POLICY;
    }
    if (P9.matcher(h).matches()) {
      return RELATIONSHIPS;
    }
    if (P10.matcher(h).matches()) {
      return DETAILS;
    }
    if (P11.matcher(h).matches()) {
      return REFERENCES;
    }
    if (P12.matcher(h).matches()) {
      return EXTERNAL_LINKS;
    }
    if (P13.matcher(h).matches()) {
      return ADDITIONAL_LINKS;
    }
    if (P14.matcher(h).matches()) {
      return NOTES;
    }
    if (P15.matcher(h).matches()) {
      return CATEGORY;
    }
    if (P16.matcher(h).matches()) {
      return REPOSITORIES;
    }
    if (h.equals("gradle")) {
      return GRADLE;
    }
    if (h.startsWith("questions or concerns about this document")) {
      return BOILERPLATE;
    }
    return OTHER;
  }
}
