package org.trackerkg.dossier;

/**
 * A cited source. {@code listed} is true for entries of the References section; a citation found only inline
 * becomes a reference of its own with {@code listed == false}.
 */
public record Reference(String key, String url, String title, boolean listed, int line) {}
