package org.trackerkg.dossier;

import java.util.List;

/**
 * A passage kept as text: an about paragraph, a note, a detail ("Location-based tracking"), with an optional
 * label and its citations.
 */
public record LabelledText(String label, String text, List<Citation> citations, int line) {
  public LabelledText {
    citations = List.copyOf(citations);
  }
}
