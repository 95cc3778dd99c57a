package org.trackerkg.dossier;

import java.util.List;

/** A product or service item: its {@code _Title:_} (null when it had none), text, citations, and sub-items. */
public record Product(String title, String text, List<Citation> citations, List<Product> children, int line) {
  public Product {
    citations = List.copyOf(citations);
    children = List.copyOf(children);
  }
}
