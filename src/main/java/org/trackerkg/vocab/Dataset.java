package org.trackerkg.vocab;

/**
 * What the data set says about itself, written once: its title and description (VoID, DCAT, the landing page's
 * schema.org JSON-LD) and the licence of each source (the graphs' {@code dct:license}, the VoID sources).
 */
public final class Dataset {
  public static final String TITLE = "tracker-kg";
  public static final String DESCRIPTION = "Dossiers about mobile-app trackers (the SDKs and the companies behind "
      + "them) as linked open data: one named graph per source document, with provenance for every fact.";
  /** The Yale Privacy Lab tracker profiles. */
  public static final String LICENSE_PROFILES = "https://creativecommons.org/licenses/by-sa/4.0/";
  /** The εxodus tracker database. */
  public static final String LICENSE_EXODUS = "https://opendatacommons.org/licenses/odbl/1-0/";
  public static final String EXODUS_REPORTS = "https://reports.exodus-privacy.eu.org/en/trackers/";

  private Dataset() {}
}
