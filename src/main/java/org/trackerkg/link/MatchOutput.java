package org.trackerkg.link;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What {@code tkg match} prints and {@code /match} answers, written once so the two cannot drift: TSV is one line
 * per name, {@code name<TAB>slugs<TAB>names} ({@code -<TAB>-} when nothing matches, so every line has three
 * columns); JSON is {@code {"results":[{"query","trackers":[{"id","name","iri","signatures":[{"kind","pattern"}]}]}]}}.
 */
public final class MatchOutput {
  private static final ObjectMapper JSON = new ObjectMapper();

  private MatchOutput() {}

  public static String tsv(SignatureMatcher matcher, List<String> names, SignatureMatcher.As as) {
    StringBuilder sb = new StringBuilder();
    for (String n : names) {
      List<SignatureMatcher.Tracker> ts = matcher.trackersOf(n, as);
      sb.append(n.replace('\t', ' ')).append('\t');
      if (ts.isEmpty()) {
        sb.append("-\t-");
      } else {
        sb.append(ts.stream().map(SignatureMatcher.Tracker::slug).collect(Collectors.joining(","))).append('\t')
            .append(ts.stream().map(SignatureMatcher.Tracker::name).collect(Collectors.joining(",")));
      }
      sb.append('\n');
    }
    return sb.toString();
  }

  public static ObjectNode json(SignatureMatcher matcher, List<String> names, SignatureMatcher.As as) {
    ObjectNode out = JSON.createObjectNode();
    ArrayNode results = out.putArray("results");
    for (String n : names) {
      ObjectNode r = results.addObject();
      r.put("query", n);
      ArrayNode ts = r.putArray("trackers");
      List<SignatureMatcher.Hit> hits = matcher.match(n, as);
      for (SignatureMatcher.Tracker t : matcher.trackersOf(n, as)) {
        ObjectNode to = ts.addObject().put("id", t.slug()).put("name", t.name()).put("iri", t.iri());
        ArrayNode sigs = to.putArray("signatures");
        hits.stream().filter(h -> h.tracker().equals(t)).forEach(h ->
            sigs.addObject().put("kind", h.kind().name().toLowerCase(Locale.ROOT)).put("pattern", h.pattern()));
      }
    }
    return out;
  }
}
