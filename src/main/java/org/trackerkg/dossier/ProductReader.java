package org.trackerkg.dossier;

import java.util.ArrayList;
import java.util.List;
import org.commonmark.node.Heading;
import org.commonmark.node.ListBlock;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.ThematicBreak;

/** The products section: a tree of titled items from headings, labels and nested lists. */
final class ProductReader {
  private ProductReader() {}

  // ---------------------------------------------------------------- products

  /** A product item before it becomes a record: depth in the list tree. */
  static final class Item {
    final int depth;
    final String title;
    final StringBuilder text = new StringBuilder();
    final List<Citation> citations = new ArrayList<>();
    final List<Item> children = new ArrayList<>();
    final int line;

    Item(int depth, String title, int line) {
      this.depth = depth;
      this.title = title;
      this.line = line;
    }

    Product toProduct() {
      return new Product(title, Inlines.tidy(text.toString()), citations,
          children.stream().map(Item::toProduct).toList(), line);
    }
  }

  static List<Product> read(SectionBlocks s, ParseContext ctx) {
    List<Item> flat = new ArrayList<>();
    int base = 0;
    for (Node block : s.blocks) {
      if (block instanceof Heading h) {
        flat.add(new Item(0, Inlines.plain(h).trim(), ParseContext.line(h)));
        base = 1;
      } else if (block instanceof ListBlock list) {
        listItems(list, base, flat, ctx);
      } else if (block instanceof Paragraph p) {
        Inlines.Labelled l = Inlines.label(p, ctx);
        Item item = new Item(base, l.label(), ParseContext.line(p));
        item.text.append(Inlines.text(l.rest()));
        item.citations.addAll(Inlines.citations(l.rest()));
        flat.add(item);
      } else if (!(block instanceof ThematicBreak)) {
        Item item = new Item(base, null, ParseContext.line(block));
        item.text.append(Blocks.rawText(block, ctx));
        flat.add(item);
      }
    }
    // A list item at depth d belongs to the nearest item before it that is shallower.
    List<Item> roots = new ArrayList<>();
    List<Item> stack = new ArrayList<>();
    for (Item item : flat) {
      while (!stack.isEmpty() && stack.get(stack.size() - 1).depth >= item.depth) {
        stack.remove(stack.size() - 1);
      }
      if (stack.isEmpty()) {
        roots.add(item);
      } else {
        stack.get(stack.size() - 1).children.add(item);
      }
      stack.add(item);
    }
    return roots.stream().filter(i -> i.title != null || i.text.length() > 0 || !i.children.isEmpty())
        .map(Item::toProduct).toList();
  }

  /** "* * _Title:_" is an item holding only a nested list: its items sit one level deeper. */
  static void listItems(ListBlock list, int depth, List<Item> out, ParseContext ctx) {
    for (Node li = list.getFirstChild(); li != null; li = li.getNext()) {
      Item current = null;
      for (Node c = li.getFirstChild(); c != null; c = c.getNext()) {
        if (c instanceof ListBlock nested) {
          listItems(nested, depth + 1, out, ctx);
        } else if (c instanceof Paragraph p) {
          Inlines.Labelled l = current == null ? Inlines.label(p, ctx) : new Inlines.Labelled(null, null, Inlines.flatten(p, ctx));
          if (current == null) {
            current = new Item(depth, l.label(), ParseContext.line(p));
            out.add(current);
          } else {
            current.text.append('\n');
          }
          current.text.append(Inlines.text(l.rest()));
          current.citations.addAll(Inlines.citations(l.rest()));
        } else if (!(c instanceof ThematicBreak)) {
          if (current == null) {
            current = new Item(depth, null, ParseContext.line(c));
            out.add(current);
          }
          current.text.append(Blocks.rawText(c, ctx));
        }
      }
    }
  }
}
