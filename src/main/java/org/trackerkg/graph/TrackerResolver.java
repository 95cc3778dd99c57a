package org.trackerkg.graph;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.trackerkg.dossier.Dossier;

/**
 * Decides which tracker node each dossier is about. Dossiers whose names give the same slug are about the same
 * tracker (a profile and the εxodus record of the same name meet at one node).
 */
public class TrackerResolver {
  private final Map<Dossier, String> slugs = new IdentityHashMap<>();

  public TrackerResolver(List<Dossier> dossiers) {
    for (Dossier d : dossiers) {
      slugs.put(d, Iris.slug(d.name()));
    }
  }

  /** The slug of the tracker this dossier is about. */
  public String slug(Dossier d) {
    String s = slugs.get(d);
    if (s == null) {
      throw new IllegalArgumentException("dossier not known to the resolver: " + d.name());
    }
    return s;
  }
}
