package org.trackerkg.dossier;

/** A link (website, documentation, external or additional link): an optional label and the URL. */
public record Link(String label, String url, int line) {}
