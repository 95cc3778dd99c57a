package org.trackerkg.link.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The report as JSON: one object per app (fields in a fixed order, so the same report gives the same bytes). */
public final class ReportJson {
  private static final ObjectMapper JSON = new ObjectMapper();

  private ReportJson() {}

  public static ObjectNode toJson(AppReport r) {
    ObjectNode o = JSON.createObjectNode();
    AppContents a = r.app();
    o.put("file", a.fileName()).put("sha256", a.sha256()).put("size", a.size()).put("kind", a.kind())
        .put("scanned", r.scanned());
    AppContents.Manifest m = a.manifest();
    if (m != null) {
      ObjectNode mo = o.putObject("manifest");
      mo.put("package", m.packageName()).put("versionName", m.versionName());
      if (m.versionCode() != null) {
        mo.put("versionCode", m.versionCode());
      }
      mo.put("minSdk", m.minSdk()).put("targetSdk", m.targetSdk()).put("label", m.label());
      m.permissions().forEach(mo.putArray("permissions")::add);
      ArrayNode comps = mo.putArray("components");
      m.components().forEach(c -> comps.addObject().put("kind", c.kind()).put("name", c.name()));
    }
    a.parts().forEach(o.putArray("parts")::add);
    o.put("classes", a.classes().size()).put("hosts", a.hosts().size());
    ArrayNode perms = o.putArray("permissionGroups");
    for (AppReport.PermissionGroup g : r.permissions()) {
      ObjectNode go = perms.addObject();
      if (g.category() != null) {
        concept(go.putObject("category"), g.category());
      } else {
        go.putNull("category");
      }
      g.permissions().forEach(go.putArray("permissions")::add);
    }
    ArrayNode ts = o.putArray("trackers");
    for (AppReport.Finding f : r.trackers()) {
      ObjectNode to = ts.addObject();
      to.put("slug", f.tracker().slug()).put("name", f.tracker().name()).put("iri", f.tracker().iri());
      if (f.maker() != null) {
        party(to.putObject("maker"), f.maker().company());
        ArrayNode owners = to.putArray("owners");
        f.maker().owners().forEach(p -> party(owners.addObject(), p));
        party(to.putObject("ultimateOwner"), f.maker().ultimateOwner());
      }
      ArrayNode ev = to.putArray("evidence");
      for (AppReport.Evidence e : java.util.stream.Stream.concat(f.code().stream(), f.network().stream()).toList()) {
        ObjectNode eo = ev.addObject().put("kind", e.kind()).put("pattern", e.pattern()).put("count", e.count());
        e.examples().forEach(eo.putArray("examples")::add);
      }
      if (f.profile() == null) {
        to.putNull("policy");
        to.put("note", "no policy in the data");
        continue;
      }
      ObjectNode po = to.putObject("policy");
      po.put("indefiniteRetention", f.profile().indefiniteRetention());
      for (AppReport.Topic t : f.profile().topics()) {
        ObjectNode tp = po.putObject(t.key());
        ArrayNode cs = tp.putArray("concepts");
        t.concepts().forEach(c -> concept(cs.addObject(), c));
        ArrayNode cls = tp.putArray("clauses");
        for (AppReport.Clause c : t.clauses()) {
          ObjectNode co = cls.addObject().put("iri", c.iri()).put("label", c.label()).put("kind", c.kind())
              .put("text", c.text()).put("indefinite", c.indefinite());
          ArrayNode ci = co.putArray("citations");
          c.citations().forEach(x -> ci.addObject().put("key", x.key()).put("url", x.url()));
        }
      }
    }
    ArrayNode hosts = o.putArray("hostsOnly");
    for (AppReport.Finding f : r.hostsOnly()) {
      ObjectNode ho = hosts.addObject().put("slug", f.tracker().slug()).put("name", f.tracker().name())
          .put("iri", f.tracker().iri());
      ArrayNode ev = ho.putArray("evidence");
      for (AppReport.Evidence e : f.network()) {
        ObjectNode eo = ev.addObject().put("kind", e.kind()).put("pattern", e.pattern()).put("count", e.count());
        e.examples().forEach(eo.putArray("examples")::add);
      }
    }
    return o;
  }

  /** Reports as a pretty-printed array. */
  public static String write(java.util.List<AppReport> reports) {
    ArrayNode arr = JSON.createArrayNode();
    reports.forEach(r -> arr.add(toJson(r)));
    try {
      return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(arr) + "\n";
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void concept(ObjectNode o, AppReport.Concept c) {
    o.put("iri", c.iri()).put("curie", c.curie()).put("label", c.label());
  }

  private static void party(ObjectNode o, AppReport.Party p) {
    o.put("iri", p.iri()).put("name", p.name());
  }
}
