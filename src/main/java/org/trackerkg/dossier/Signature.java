package org.trackerkg.dossier;

/**
 * One εxodus detection rule: a network signature is a regular expression found anywhere in a host name,
 * a code signature a Java package or class-name prefix.
 */
public record Signature(Kind kind, String pattern, int line) {
  public enum Kind { NETWORK, CODE }
}
