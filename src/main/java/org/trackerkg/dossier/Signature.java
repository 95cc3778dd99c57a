package org.trackerkg.dossier;

/**
 * One εxodus detection rule: a network signature is a regular expression found anywhere in a host name,
 * a code signature a Java package or class-name prefix.
 */
public record Signature(Kind kind, String pattern, int line) {
  /**
   * The longest signature read, in characters (εxodus's longest is under 100). Compiling a regex is quadratic in its
   * length (a 1 MB one took minutes), so a longer one is an error for that signature, found before anything compiles it.
   */
  public static final int MAX_PATTERN_CHARS = 4096;

  public enum Kind { NETWORK, CODE }
}
