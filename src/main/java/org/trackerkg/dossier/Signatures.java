package org.trackerkg.dossier;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** Tells a code signature (Java package prefix) from a network one (host regex) when the dossier does not say. */
final class Signatures {
  private static final Pattern PACKAGE = Pattern.compile("^\\.?[a-z_][a-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)+\\.?$");
  private static final Set<String> HOST_ENDINGS = Set.of("com", "net", "org", "io", "fr", "de", "ru", "cn", "in", "fi",
      "co", "us", "info", "fm", "link", "me", "uk", "jp", "kr", "eu", "ly", "tv", "ai", "app", "biz", "cloud");

  private Signatures() {}

  static Signature.Kind classify(String pattern) {
    if (pattern.contains("\\") || pattern.contains("*") || pattern.contains("/") || pattern.contains("-")) {
      return Signature.Kind.NETWORK;
    }
    String[] parts = pattern.split("\\.");
    String last = parts.length == 0 ? "" : parts[parts.length - 1];
    String first = parts.length == 0 ? "" : parts[0];
    if (HOST_ENDINGS.contains(last) && !HOST_ENDINGS.contains(first)) {
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
