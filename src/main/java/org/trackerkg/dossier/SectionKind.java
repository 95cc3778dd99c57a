package org.trackerkg.dossier;

import java.util.Locale;

/** What a section of a dossier is about, recognised from its heading whatever its spelling, case or level. */
enum SectionKind {
  TRACKER_NAME, IN_EXODUS, LOCATION, WEBSITE, ABOUT, OWNERSHIP, DETECTION_RULES, DOCUMENTATION, PRODUCTS,
  PRIVACY_POLICY, RELATIONSHIPS, DETAILS, REFERENCES, EXTERNAL_LINKS, ADDITIONAL_LINKS, NOTES, CATEGORY,
  REPOSITORIES, GRADLE, BOILERPLATE, OTHER;

  /** The kind a heading names, or OTHER. */
  static SectionKind of(String heading) {
    String h = heading.toLowerCase(Locale.ROOT).replace('ε', 'e').replaceAll("[^a-z0-9&]+", " ").trim();
    if (h.equals("tracker name") || h.equals("name")) {
      return TRACKER_NAME;
    }
    if (h.matches("in e?xodus|in exodus privacy|exodus")) {
      return IN_EXODUS;
    }
    if (h.matches("(primary |headquarters |hq )?location|headquarters")) {
      return LOCATION;
    }
    if (h.matches("websites?|homepage|home page")) {
      return WEBSITE;
    }
    if (h.matches("about|what it does|description|overview|summary")) {
      return ABOUT;
    }
    if (h.matches("owner(ship)?|owned by|parent company")) {
      return OWNERSHIP;
    }
    if (h.matches("(exodus )?detection rules?|signatures?|exodus signatures?")) {
      return DETECTION_RULES;
    }
    if (h.matches("documentation|docs|sdk documentation")) {
      return DOCUMENTATION;
    }
    if (h.matches("(products?|services)( (and|&) (services|products))?")) {
      return PRODUCTS;
    }
    if (h.matches("(privacy|data) polic(y|ies)|privacy")) {
      return PRIVACY_POLICY;
    }
    if (h.matches("relationships?|partners(hips)?|customers|clients")) {
      return RELATIONSHIPS;
    }
    if (h.matches("details?|additional details|more details")) {
      return DETAILS;
    }
    if (h.matches("references?( (and|&) external links)?|sources|citations")) {
      return REFERENCES;
    }
    if (h.matches("external links?|links")) {
      return EXTERNAL_LINKS;
    }
    if (h.matches("additional links?|other links")) {
      return ADDITIONAL_LINKS;
    }
    if (h.matches("notes?|comments?")) {
      return NOTES;
    }
    if (h.matches("categor(y|ies)")) {
      return CATEGORY;
    }
    if (h.matches("repositor(y|ies)|maven")) {
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
