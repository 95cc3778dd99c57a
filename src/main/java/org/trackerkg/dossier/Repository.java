package org.trackerkg.dossier;

/** A package repository entry: Maven URL, group id, artifact id (each may be null). */
public record Repository(String url, String groupId, String artifactId, int line) {}
