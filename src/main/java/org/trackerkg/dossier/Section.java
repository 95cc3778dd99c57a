package org.trackerkg.dossier;

/**
 * A section of the source document kept verbatim: heading text, heading level, the Markdown under it (to the
 * next heading of any level) and the line of the heading. Every section of a dossier is kept this way, so
 * nothing is lost even where the reader could not structure it.
 */
public record Section(String heading, int level, String text, int line) {}
