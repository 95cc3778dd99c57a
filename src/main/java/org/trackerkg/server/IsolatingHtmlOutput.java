package org.trackerkg.server;

import gg.jte.TemplateOutput;
import gg.jte.html.OwaspHtmlTemplateOutput;
import java.util.Set;

/**
 * jte's escaping output, with every text value in an element's body isolated in {@code <bdi>}: a right-to-left
 * override (U+202E) in a tracker's name or a dossier's text then stays inside its value instead of reversing the rest
 * of the page ("evil\u202Egnp.exe" showing as "evilexe.png", or a table row read backwards). Attribute values are
 * escaped as before; elements whose body is plain text to the browser ({@code title}, {@code textarea},
 * {@code script}, {@code style}, {@code option}) are left alone, since a tag there would show as text.
 * One place, so no template can forget it.
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
    if (value == null || value.isEmpty() || attribute != null || tag == null || TEXT_ONLY.contains(tag)) {
      super.writeUserContent(value);
      return;
    }
    writeContent("<bdi>");
    super.writeUserContent(value);
    writeContent("</bdi>");
  }
}
