package org.trackerkg.dossier;

import org.trackerkg.base.Diagnostic;
import org.trackerkg.base.DiagnosticHandler;

/**
 * Characters XML 1.0 does not allow (C0 controls other than tab, line feed and carriage return; U+FFFE, U+FFFF),
 * replaced by U+FFFD where a file's text is read, once for every output: RDF/XML, SPARQL XML results and pages cannot
 * carry them (a U+0007 in a dossier made {@code /doc/….rdf} a 500 and SPARQL XML not well-formed). Each line with one
 * gets a warning naming the file and line; an εxodus file's {@code \}{@code u0007} escapes count as such characters.
 */
final class XmlChars {
  /** Warnings per file before the rest are summed up in one. */
  static final int MAX_WARNINGS = 20;
  static final char REPLACEMENT = '\uFFFD';

  private XmlChars() {}

  static boolean allowed(char c) {
    return c >= 0x20 ? c != '\uFFFE' && c != '\uFFFF' : c == '\t' || c == '\n' || c == '\r';
  }

  /** The text with every disallowed character (and, in JSON, every escape of one) replaced; warnings to {@code out}. */
  static String clean(String text, String file, boolean json, DiagnosticHandler out) {
    StringBuilder sb = null;
    int line = 1;
    int lastWarned = 0;
    int warned = 0;
    int more = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      int len = 1; // characters of the text this step covers
      int bad = -1; // the disallowed character found, if any
      if (c == '\n') {
        line++;
      } else if (!allowed(c)) {
        bad = c;
      } else if (json && c == '\\' && i + 1 < text.length()) {
        int escaped = text.charAt(i + 1) == 'u' && i + 5 < text.length() ? hex(text, i + 2) : -1;
        if (escaped >= 0 && !allowed((char) escaped)) {
          bad = escaped;
          len = 6;
        } else {
          char next = text.charAt(i + 1); // an escape pair ("\\u0007" is a backslash and text, not an escape)
          len = next == '\n' || !allowed(next) ? 1 : 2;
        }
      }
      if (bad >= 0) {
        if (sb == null) {
          sb = new StringBuilder(text.length()).append(text, 0, i);
        }
        sb.append(len == 6 ? "\\uFFFD" : String.valueOf(REPLACEMENT));
        if (line != lastWarned) {
          lastWarned = line;
          if (warned < MAX_WARNINGS) {
            warned++;
            out.report(Diagnostic.warning(file, line, String.format("character U+%04X is not allowed in XML 1.0;"
                + " replaced with U+FFFD", bad)));
          } else {
            more++;
          }
        }
      } else if (sb != null) {
        sb.append(text, i, i + len);
      }
      i += len - 1;
    }
    if (more > 0) {
      out.report(Diagnostic.warning(file, lastWarned, more + " more lines with characters not allowed in XML 1.0;"
          + " replaced with U+FFFD"));
    }
    return sb == null ? text : sb.toString();
  }

  /** The character of four hex digits at {@code at}, or -1 when they are not four hex digits. */
  private static int hex(String s, int at) {
    int v = 0;
    for (int k = at; k < at + 4; k++) {
      int d = Character.digit(s.charAt(k), 16);
      if (d < 0) {
        return -1;
      }
      v = v * 16 + d;
    }
    return v;
  }
}
