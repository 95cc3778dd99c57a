package org.trackerkg.graph;

import java.util.List;
import org.trackerkg.dossier.Source;

/**
 * The terms each source is published under, as {@code data/SOURCES.md} states them: its licences (the first is
 * the one each source document's {@code dct:license} names), the holder of its rights and the attribution to show.
 * The mapper stamps them on every source document; VoID and the pages' footer repeat them.
 */
public enum SourceTerms {
  PROFILES("profiles", "Yale Privacy Lab tracker profiles", "https://github.com/YalePrivacyLab/tracker-profiles",
      List.of("https://creativecommons.org/licenses/by-sa/4.0/", "https://www.gnu.org/licenses/agpl-3.0.html"),
      "https://privacylab.yale.edu/", "Yale Privacy Lab",
      "Tracker profiles © Yale Privacy Lab and contributors, CC BY-SA 4.0 "
          + "(github.com/YalePrivacyLab/tracker-profiles; also available under AGPL-3.0-or-later)."),
  EXODUS("exodus", "εxodus tracker database", "https://reports.exodus-privacy.eu.org/en/trackers/",
      List.of("https://opendatacommons.org/licenses/odbl/1-0/", "https://opendatacommons.org/licenses/dbcl/1-0/"),
      "https://exodus-privacy.eu.org/", "Exodus Privacy",
      "Contains information from the εxodus tracker database (Exodus Privacy), which is made available under "
          + "the ODbL 1.0; its contents under the DbCL 1.0.");

  /** The segment of its graphs' IRIs: {@code {base}graph/{key}/…}. */
  public final String key;
  public final String title;
  public final String landingPage;
  /** Licence IRIs; the first is the one named per source document. */
  public final List<String> licenses;
  public final String rightsHolder;
  public final String rightsHolderName;
  public final String attribution;

  SourceTerms(String key, String title, String landingPage, List<String> licenses, String rightsHolder,
      String rightsHolderName, String attribution) {
    this.key = key;
    this.title = title;
    this.landingPage = landingPage;
    this.licenses = licenses;
    this.rightsHolder = rightsHolder;
    this.rightsHolderName = rightsHolderName;
    this.attribution = attribution;
  }

  public String license() {
    return licenses.get(0);
  }

  public static SourceTerms of(Source.Kind kind) {
    return kind == Source.Kind.EXODUS ? EXODUS : PROFILES;
  }
}
