package org.trackerkg.dossier;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.trackerkg.base.Diagnostic;
import org.trackerkg.base.DiagnosticHandler;

/**
 * An εxodus API {@code trackers.json} → one dossier per tracker, sorted by id. The JSON gives name, id, dates,
 * signatures, website, categories and documentation; the Markdown {@code description} gives the rest.
 */
public final class ExodusReader {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final DiagnosticHandler handler;

  public ExodusReader() {
    this(d -> { });
  }

  /** A reader that also sends each diagnostic to {@code handler} as it is made (strict handlers throw). */
  public ExodusReader(DiagnosticHandler handler) {
    this.handler = handler;
  }

  public ReadResult read(String text, String file, String sha256) {
    List<Dossier> dossiers = new ArrayList<>();
    List<Diagnostic> kept = new ArrayList<>();
    DiagnosticHandler diagnostics = DossierReader.forwarding(kept, handler);
    String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
    try (JsonParser p = JSON.createParser(body)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        diagnostics.report(Diagnostic.error(file, line(p), "not an εxodus trackers file: expected a JSON object"));
        return new ReadResult(dossiers, kept);
      }
      boolean found = false;
      long items = 0; // list items in the descriptions so far: the limit is per file
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        p.nextToken();
        if (!"trackers".equals(field) || p.currentToken() != JsonToken.START_OBJECT) {
          p.skipChildren();
          continue;
        }
        found = true;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String key = p.currentName();
          int line = line(p);
          p.nextToken();
          JsonNode node = JSON.readTree(p);
          String description = MarkdownDossierParser.normalise(node.path("description").asText(""));
          int over = ListItemLimit.lineOverLimit(description, items);
          if (over > 0) {
            // as for a Markdown file, the whole file is not read (before commonmark parses a description)
            diagnostics.report(Diagnostic.error(file, line, "tracker " + key + ": " + ListItemLimit.MESSAGE
                + " (description line " + over + ")"));
            return new ReadResult(List.of(), kept);
          }
          items += ListItemLimit.count(description);
          try {
            Dossier d = tracker(key, node, file, line, sha256, diagnostics);
            if (d != null) {
              dossiers.add(d);
            }
          } catch (StackOverflowError e) {
            diagnostics.report(Diagnostic.error(file, line, "tracker " + key
                + ": description nested too deeply to read; tracker not read"));
          } catch (DiagnosticHandler.StrictFailure e) {
            throw e;
          } catch (RuntimeException e) {
            diagnostics.report(Diagnostic.error(file, line, "tracker " + key + ": internal reader error: " + e));
          }
        }
      }
      if (!found) {
        diagnostics.report(Diagnostic.error(file, 1, "not an εxodus trackers file: no \"trackers\" object"));
      }
    } catch (JsonProcessingException e) {
      int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
      diagnostics.report(Diagnostic.error(file, Math.max(0, line), "invalid JSON: " + e.getOriginalMessage()));
    } catch (IOException e) {
      diagnostics.report(Diagnostic.error(file, 0, "cannot read: " + e.getMessage()));
    }
    dossiers.sort(Comparator.comparing(d -> d.exodusId() == null ? Integer.MAX_VALUE : d.exodusId()));
    return new ReadResult(dossiers, kept);
  }

  private static int line(JsonParser p) {
    return Math.max(0, p.currentTokenLocation().getLineNr());
  }

  private static Dossier tracker(String key, JsonNode node, String file, int line, String sha256, DiagnosticHandler diagnostics) {
    if (!node.isObject()) {
      diagnostics.report(Diagnostic.error(file, line, "tracker " + key + ": not a JSON object"));
      return null;
    }
    String name = node.path("name").asText("").trim();
    Integer id = node.path("id").canConvertToInt() ? node.path("id").asInt() : parseId(key);
    if (name.isEmpty()) {
      diagnostics.report(Diagnostic.error(file, line, "tracker " + key + ": no name"));
      return null;
    }
    Source source = new Source(file, line, Source.Kind.EXODUS, sha256);
    String description = node.path("description").asText("");
    String markdown = description.isBlank() ? "" : description;
    // Positions inside a description are not positions in the JSON file: point at the tracker's entry.
    java.util.function.UnaryOperator<Diagnostic> moved = diag -> new Diagnostic(diag.severity(), file, line, 0,
        "tracker " + key + " (" + name + "): " + diag.message()
            + (diag.line() > 0 ? " (description line " + diag.line() + (diag.column() > 0 ? ", column " + diag.column() : "") + ")" : ""));
    MarkdownDossierParser.Outcome o = new MarkdownDossierParser(new DiagnosticHandler() {
      @Override
      public void report(Diagnostic diag) {
        diagnostics.report(moved.apply(diag));
      }

      @Override
      public void unreadable(Diagnostic diag, RuntimeException cause) {
        diagnostics.unreadable(moved.apply(diag), cause);
      }
    }).parse(markdown, source, name);
    Dossier d = o.dossier();
    if (d == null) {
      return null; // the parser said why
    }

    List<Signature> signatures = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    for (String alt : Signatures.alternatives(node.path("code_signature").asText(""))) {
      if (seen.add("C" + alt)) {
        signatures.add(new Signature(Signature.Kind.CODE, alt, line));
      }
    }
    for (String alt : Signatures.alternatives(node.path("network_signature").asText(""))) {
      if (seen.add("N" + alt)) {
        signatures.add(new Signature(Signature.Kind.NETWORK, alt, line));
      }
    }
    for (Signature s : d.signatures()) {
      if (seen.add((s.kind() == Signature.Kind.CODE ? "C" : "N") + s.pattern())) {
        signatures.add(s);
      }
    }
    List<Link> websites = new ArrayList<>();
    String website = node.path("website").asText("").trim();
    if (!website.isEmpty()) {
      websites.add(new Link(null, website, line));
    }
    d.websites().stream().filter(w -> !w.url().equals(website)).forEach(websites::add);
    List<Category> categories = new ArrayList<>();
    for (JsonNode c : node.path("categories")) {
      if (!c.asText("").isBlank()) {
        categories.add(new Category(c.asText().trim(), line));
      }
    }
    categories.addAll(d.categories());
    List<Link> documentation = new ArrayList<>();
    for (JsonNode u : node.path("documentation")) {
      if (!u.asText("").isBlank()) {
        documentation.add(new Link(null, u.asText().trim(), line));
      }
    }
    d.documentation().stream().filter(l -> documentation.stream().noneMatch(x -> x.url().equals(l.url())))
        .forEach(documentation::add);
    String created = node.path("creation_date").asText(null);
    return d.toBuilder().inExodus(Boolean.TRUE).exodusId(id)
        .exodusCreated(created == null || created.isBlank() ? null : created).websites(websites)
        .documentation(documentation).signatures(signatures).categories(categories).source(source).build();
  }

  private static Integer parseId(String key) {
    try {
      return Integer.valueOf(key.trim());
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
