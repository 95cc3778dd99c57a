package org.trackerkg.vocab;

/**
 * What the data set says about itself, written once: its title and description (VoID, DCAT, the landing page's
 * schema.org JSON-LD). The sources' licences and attribution are {@code graph.SourceTerms}.
 */
public final class Dataset {
  public static final String TITLE = "tracker-kg";
  public static final String DESCRIPTION = "Dossiers about mobile-app trackers (the SDKs and the companies behind "
      + "them) as linked open data: one named graph per source document, with provenance for every fact.";
  private Dataset() {}
}
