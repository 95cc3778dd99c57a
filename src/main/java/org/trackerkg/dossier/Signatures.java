package org.trackerkg.dossier;

import java.util.List;
import java.util.regex.Pattern;
import org.trackerkg.base.Domains;

/** Tells a code signature (Java package prefix) from a network one (host regex) when the dossier does not say. */
final class Signatures {
  private static final Pattern PACKAGE = Pattern.compile("^\\.?[a-z_][a-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)+\\.?$");

  private Signatures() {}

  static Signature.Kind classify(String pattern) {
    if (pattern.contains("\\") || pattern.contains("*") || pattern.contains("/") || pattern.contains("-")) {
      return Signature.Kind.NETWORK;
    }
    String[] parts = pattern.split("\\.");
    String last = parts.length == 0 ? "" : parts[parts.length - 1];
    String first = parts.length == 0 ? "" : parts[0];
    if (Domains.isHostEnding(last) && !Domains.isHostEnding(first)) {
      return Signature.Kind.NETWORK;
    }
    return PACKAGE.matcher(pattern).matches() ? Signature.Kind.CODE : Signature.Kind.NETWORK;
  }

  /** The alternatives of a rule: split on '|', trimmed, placeholders dropped, stray backticks removed. */
  static List<String> alternatives(String rule) {
    return java.util.Arrays.stream(rule.split("\\|"))
        .map(s -> s.replace("`", "").trim())
        .filter(s -> !Placeholders.isPlaceholder(s))
        .toList();
  }
}
