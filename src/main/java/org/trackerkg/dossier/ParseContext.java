package org.trackerkg.dossier;

import java.util.ArrayList;
import java.util.List;
import org.commonmark.node.Node;
import org.commonmark.node.SourceSpan;
import org.trackerkg.base.Diagnostic;
import org.trackerkg.base.DiagnosticHandler;

/** What one parse shares: the source lines (for verbatim slices), the file name, diagnostics, every citation. */
final class ParseContext {
  final String file;
  final String[] lines;
  /** What this parse reported, in order (also sent to the handler as it is reported). */
  final List<Diagnostic> diagnostics = new ArrayList<>();
  final List<Citation> citations = new ArrayList<>();
  private final DiagnosticHandler handler;
  /** The key given to each unkeyed source link ("Source: X" + its URL), so one link has one key everywhere. */
  private final java.util.Map<String, String> sourceKeys = new java.util.HashMap<>();
  private final java.util.Set<String> sourceKeysUsed = new java.util.HashSet<>();

  ParseContext(String file, String text, DiagnosticHandler handler) {
    this.file = file;
    this.lines = text.split("\n", -1);
    this.handler = handler;
  }

  /**
   * The reference key of an unkeyed source link: its text ("Source: BusinessWire"), or with " (2)", " (3)"… when
   * the same text already names another URL in this document; the same link always gets the same key.
   */
  String sourceKey(String text, String url) {
    return sourceKeys.computeIfAbsent(text + "\u0000" + url, k -> {
      String key = text;
      for (int n = 2; !sourceKeysUsed.add(CitationKeys.normalise(key)); n++) {
        key = text + " (" + n + ")";
      }
      return key;
    });
  }

  /** A warning at the start of {@code node} (line and column). */
  void warn(Node node, String message) {
    report(Diagnostic.warning(file, line(node), column(node), message));
  }

  void report(Diagnostic d) {
    diagnostics.add(d);
    handler.report(d);
  }

  /** A section the reader tripped over: a warning in use, a failure under a strict handler. */
  void unreadable(Node node, int line, String message, RuntimeException cause) {
    Diagnostic d = Diagnostic.warning(file, line, node == null ? 1 : column(node), message);
    diagnostics.add(d);
    handler.unreadable(d, cause);
  }

  /**
   * 1-based column where the node's text starts (its first inline, past indentation and list markers), or 0 when
   * it has no source span.
   */
  static int column(Node node) {
    Node first = node;
    while (first.getFirstChild() != null && !first.getFirstChild().getSourceSpans().isEmpty()) {
      first = first.getFirstChild();
    }
    for (Node n = first; n != null; n = n.getParent()) {
      List<SourceSpan> spans = n.getSourceSpans();
      if (!spans.isEmpty()) {
        return spans.get(0).getColumnIndex() + 1;
      }
    }
    return 0;
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
