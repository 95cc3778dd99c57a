package org.trackerkg.dossier;

import java.util.List;
import org.trackerkg.base.Diagnostic;

/** What reading some inputs gave: the dossiers, in a stable order, and every diagnostic. */
public record ReadResult(List<Dossier> dossiers, List<Diagnostic> diagnostics) {
  public ReadResult {
    dossiers = List.copyOf(dossiers);
    diagnostics = List.copyOf(diagnostics);
  }

  public boolean hasErrors() {
    return diagnostics.stream().anyMatch(Diagnostic::isError);
  }
}
