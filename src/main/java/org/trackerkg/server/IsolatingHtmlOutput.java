package org.trackerkg.server;

import gg.jte.TemplateOutput;
import gg.jte.html.OwaspHtmlTemplateOutput;
import java.util.Set;

/**
 * jte's escaping output, with every text value in an element's body that could change the direction of the text
 * around it isolated in {@code <bdi>}: a right-to-left override (U+202E) in a tracker's name or a dossier's text then
 * stays inside its value instead of reversing the rest of the page ("evil\u202Egnp.exe" showing as "evilexe.png", or a
 * table row read backwards). Values without right-to-left letters or direction controls cannot do that, and are
 * written as before. Attribute values are escaped as before; elements whose body is plain text to the browser
 * ({@code title}, {@code textarea}, {@code script}, {@code style}, {@code option}) are left alone, since a tag there
 * would show as text. One place, so no template can forget it.
 */
final class IsolatingHtmlOutput extends OwaspHtmlTemplateOutput {
  private static final Set<String> TEXT_ONLY = Set.of("title", "textarea", "script", "style", "option");

  private String tag;
  private String attribute;

  IsolatingHtmlOutput(TemplateOutput out) {
    super(out);
  }

  @Override
  public void setContext(String tagName, String attributeName) {
    super.setContext(tagName, attributeName);
    tag = tagName;
    attribute = attributeName;
  }

  @Override
  public void writeUserContent(String value) {
    if (value == null || attribute != null || tag == null || TEXT_ONLY.contains(tag) || !directional(value)) {
      super.writeUserContent(value);
      return;
    }
    writeContent("<bdi>");
    super.writeUserContent(value);
    writeContent("</bdi>");
  }

  /** Whether the text holds a right-to-left letter or digit, or a direction control (embedding, override, isolate, mark). */
  static boolean directional(String s) {
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      i += Character.charCount(cp);
      if (cp < 0x0590) {
        continue; // Latin, Greek, Cyrillic…: left to right or neutral
      }
      switch (Character.getDirectionality(cp)) {
        case Character.DIRECTIONALITY_RIGHT_TO_LEFT, Character.DIRECTIONALITY_RIGHT_TO_LEFT_ARABIC,
            Character.DIRECTIONALITY_ARABIC_NUMBER, Character.DIRECTIONALITY_RIGHT_TO_LEFT_EMBEDDING,
            Character.DIRECTIONALITY_RIGHT_TO_LEFT_OVERRIDE, Character.DIRECTIONALITY_LEFT_TO_RIGHT_EMBEDDING,
            Character.DIRECTIONALITY_LEFT_TO_RIGHT_OVERRIDE, Character.DIRECTIONALITY_POP_DIRECTIONAL_FORMAT,
            Character.DIRECTIONALITY_LEFT_TO_RIGHT_ISOLATE, Character.DIRECTIONALITY_RIGHT_TO_LEFT_ISOLATE,
            Character.DIRECTIONALITY_FIRST_STRONG_ISOLATE, Character.DIRECTIONALITY_POP_DIRECTIONAL_ISOLATE -> {
          return true;
        }
        default -> {
          if (cp == 0x200E || cp == 0x200F || cp == 0x061C) {
            return true; // the marks
          }
        }
      }
    }
    return false;
  }
}
