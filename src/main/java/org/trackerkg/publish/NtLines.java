package org.trackerkg.publish;

import org.apache.jena.atlas.io.AWriter;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.out.NodeFormatter;
import org.apache.jena.riot.out.NodeFormatterNT;
import org.apache.jena.sparql.core.Quad;

/**
 * N-Triples and N-Quads lines, formatted by Jena's own {@link NodeFormatterNT} (the same escaping as
 * {@code NodeFmtLib.strNT}) into one reused buffer per thread: {@code strNT} builds an indenting writer per node
 * and writes it a character at a time, which made it most of the cost of writing sorted N-Triples.
 */
final class NtLines {
  private static final NodeFormatter NT = new NodeFormatterNT();
  private static final ThreadLocal<Line> LINE = ThreadLocal.withInitial(Line::new);

  private NtLines() {}

  static String triple(Triple t) {
    Line l = LINE.get().start();
    l.node(t.getSubject()).node(t.getPredicate()).node(t.getObject());
    return l.end();
  }

  static String quad(Quad q) {
    Line l = LINE.get().start();
    l.node(q.getSubject()).node(q.getPredicate()).node(q.getObject());
    if (!q.isDefaultGraph()) {
      l.node(q.getGraph());
    }
    return l.end();
  }

  /** One line being built: terms separated by a space, then {@code " ."}. */
  private static final class Line implements AWriter {
    private final StringBuilder sb = new StringBuilder(256);

    Line start() {
      sb.setLength(0);
      return this;
    }

    Line node(Node n) {
      if (!sb.isEmpty()) {
        sb.append(' ');
      }
      NT.format(this, n);
      return this;
    }

    String end() {
      return sb.append(" .").toString();
    }

    @Override
    public void write(char ch) {
      sb.append(ch);
    }

    @Override
    public void write(char[] cbuf) {
      sb.append(cbuf);
    }

    @Override
    public void write(String s) {
      sb.append(s);
    }

    @Override
    public void print(char ch) {
      sb.append(ch);
    }

    @Override
    public void print(char[] cbuf) {
      sb.append(cbuf);
    }

    @Override
    public void print(String s) {
      sb.append(s);
    }

    @Override
    public void printf(String fmt, Object... args) {
      sb.append(String.format(fmt, args));
    }

    @Override
    public void println(String s) {
      sb.append(s).append('\n');
    }

    @Override
    public void println() {
      sb.append('\n');
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  }
}
