package org.trackerkg.dossier;

/**
 * An inline citation such as {@code [mParticle, 04](https://…)}: the key as written and the URL it links to.
 * The reader resolves it against the dossier's reference list by key.
 */
public record Citation(String key, String url, int line) {}
