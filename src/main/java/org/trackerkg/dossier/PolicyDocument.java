package org.trackerkg.dossier;

import java.util.List;

/**
 * The privacy policy a dossier read, as its header names it ({@code [Policy as of 5/9/2018:](https://…)}), or a
 * statement that no policy could be found.
 *
 * @param url   the policy's address, or null
 * @param asOf  the date(s) as written after "as of" ("1/11/2018, last updated 1/11/2017"), or null
 * @param found false when the dossier says no policy could be found
 * @param text  the header or sentence as written
 */
public record PolicyDocument(String url, String asOf, boolean found, String text, List<Citation> citations, int line) {
  public PolicyDocument {
    citations = List.copyOf(citations);
  }
}
