package org.trackerkg.dossier;

import java.util.ArrayList;
import java.util.List;
import org.commonmark.node.Node;
import org.commonmark.node.SourceSpan;
import org.trackerkg.base.Diagnostic;

/** What one parse shares: the source lines (for verbatim slices), the file name, diagnostics, every citation. */
final class ParseContext {
  final String file;
  final String[] lines;
  final List<Diagnostic> diagnostics = new ArrayList<>();
  final List<Citation> citations = new ArrayList<>();

  ParseContext(String file, String text) {
    this.file = file;
    this.lines = text.split("\n", -1);
  }

  void warn(int line, String message) {
    diagnostics.add(Diagnostic.warning(file, line, message));
  }

  /** 1-based first line of a node, or 0 when it has no source span. */
  static int line(Node node) {
    for (Node n = node; n != null; n = n.getParent()) {
      List<SourceSpan> spans = n.getSourceSpans();
      if (!spans.isEmpty()) {
        return spans.get(0).getLineIndex() + 1;
      }
    }
    return 0;
  }

  /** 1-based last line of a node. */
  static int lastLine(Node node) {
    List<SourceSpan> spans = node.getSourceSpans();
    return spans.isEmpty() ? line(node) : spans.get(spans.size() - 1).getLineIndex() + 1;
  }

  /** Source lines first..last (1-based, inclusive), joined with LF. */
  String slice(int first, int last) {
    StringBuilder sb = new StringBuilder();
    for (int i = Math.max(1, first); i <= Math.min(last, lines.length); i++) {
      if (sb.length() > 0) {
        sb.append('\n');
      }
      sb.append(lines[i - 1]);
    }
    return sb.toString();
  }
}
