package org.trackerkg.dossier;

/** A tracker category as named by its source ("Analytics", "Beacons"…). */
public record Category(String name, int line) {}
