package org.trackerkg.dossier;

import java.util.ArrayList;
import java.util.List;
import org.commonmark.node.Node;

/** The blocks of one recognised section; nested headings of unknown kind stay in it as sub-labels. */
final class SectionBlocks {
  final SectionKind kind;
  final String heading;
  final int level;
  final int line;
  final List<Node> blocks = new ArrayList<>();

  SectionBlocks(SectionKind kind, String heading, int level, int line) {
    this.kind = kind;
    this.heading = heading;
    this.level = level;
    this.line = line;
  }
}
