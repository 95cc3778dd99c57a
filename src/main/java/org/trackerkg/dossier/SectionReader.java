package org.trackerkg.dossier;

/**
 * Reads one family of sections into the draft dossier. One implementation per family ({@link NameReader},
 * {@link PolicyReader}…), each with its patterns beside it; {@link MarkdownDossierParser} dispatches on
 * {@link SectionKind}. An exception thrown here is a reader bug: the section is kept verbatim with a warning, and
 * a strict {@link org.trackerkg.base.DiagnosticHandler} turns it into a failure.
 */
@FunctionalInterface
interface SectionReader {
  void read(SectionBlocks section, Draft draft, ParseContext ctx);
}
