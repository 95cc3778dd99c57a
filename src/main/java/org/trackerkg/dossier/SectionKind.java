package org.trackerkg.dossier;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * What a section of a dossier is about, recognised from its heading whatever its spelling, case or level. Each
 * kind carries the pattern its headings match (lower case, runs of punctuation as one space); the first kind in
 * declaration order whose pattern matches wins.
 */
enum SectionKind {
  TRACKER_NAME("tracker name|name"),
  IN_EXODUS("in e?xodus|in exodus privacy|exodus"),
  LOCATION("(primary |headquarters |hq )?location|headquarters|(headquarters |hq )?country|hq|based in"),
  WEBSITE("websites?|homepage|home page"),
  ABOUT("about|what it does|description|overview|summary"),
  OWNERSHIP("owner(ship)?|owned by|parent company"),
  DETECTION_RULES("(exodus )?detection rules?|signatures?|exodus signatures?"),
  DOCUMENTATION("documentation|docs|sdk documentation"),
  PRODUCTS("(products?|services)( (and|&) (services|products))?"),
  PRIVACY_POLICY("(privacy|data) polic(y|ies)|privacy"),
  RELATIONSHIPS("relationships?|partners(hips)?|customers|clients"),
  DETAILS("details?|additional details|more details"),
  REFERENCES("references?( (and|&) external links)?|sources|citations"),
  EXTERNAL_LINKS("external links?|links"),
  ADDITIONAL_LINKS("additional links?|other links"),
  NOTES("notes?|comments?"),
  CATEGORY("categor(y|ies)"),
  REPOSITORIES("repositor(y|ies)|maven"),
  GRADLE("gradle"),
  BOILERPLATE("questions or concerns about this document.*"),
  OTHER(null);

  private static final Pattern NON_ALNUM = Pattern.compile("[^a-z0-9&]+");
  private final Pattern heading;

  SectionKind(String heading) {
    this.heading = heading == null ? null : Pattern.compile(heading);
  }

  /** The kind a heading names, or OTHER. */
  static SectionKind of(String heading) {
    SectionKind seen = SEEN.get(heading);
    if (seen != null) {
      return seen;
    }
    SectionKind kind = match(heading);
    if (SEEN.size() < SEEN_MAX) {
      SEEN.put(heading, kind);
    }
    return kind;
  }

  /** Headings repeat across dossiers: the kind of each one met is kept (up to a bound), not matched again. */
  private static final Map<String, SectionKind> SEEN = new ConcurrentHashMap<>();
  private static final int SEEN_MAX = 4096;

  private static SectionKind match(String heading) {
    String h = NON_ALNUM.matcher(heading.toLowerCase(Locale.ROOT).replace('ε', 'e')).replaceAll(" ").trim();
    for (SectionKind kind : values()) {
      if (kind.heading != null && kind.heading.matcher(h).matches()) {
        return kind;
      }
    }
    return OTHER;
  }
}
