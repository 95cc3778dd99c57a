package org.trackerkg.dossier;

import java.util.ArrayList;
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

  /**
   * The alternatives of a rule: split on each '|' that separates whole alternatives (not one escaped as "\\|", nor
   * one inside a group or class: "(api|cdn)\\.x\\.com" is one signature), trimmed, placeholders dropped, stray
   * backticks removed.
   */
  static List<String> alternatives(String rule) {
    List<String> out = new ArrayList<>();
    int depth = 0;
    boolean inClass = false;
    int start = 0;
    for (int i = 0; i < rule.length(); i++) {
      char c = rule.charAt(i);
      if (c == '\\') {
        i++;  // an escaped character is a literal, whatever it is
      } else if (inClass) {
        inClass = c != ']';
      } else if (c == '[') {
        inClass = true;
      } else if (c == '(') {
        depth++;
      } else if (c == ')' && depth > 0) {
        depth--;
      } else if (c == '|' && depth == 0) {
        add(out, rule.substring(start, i));
        start = i + 1;
      }
    }
    add(out, rule.substring(start));
    return out;
  }

  private static void add(List<String> out, String alternative) {
    String s = alternative.replace("`", "").trim();
    if (!Placeholders.isPlaceholder(s)) {
      out.add(s);
    }
  }
}
