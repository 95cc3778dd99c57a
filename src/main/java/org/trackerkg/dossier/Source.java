package org.trackerkg.dossier;

/**
 * Where a dossier came from: the file, the first line of this dossier in it, the kind of source, and the
 * sha256 of the file's bytes (hex).
 */
public record Source(String file, int line, Kind kind, String sha256) {
  public enum Kind {
    /** A Yale-style tracker profile in Markdown. */
    PROFILE,
    /** One tracker of an εxodus API {@code trackers.json}. */
    EXODUS
  }
}
