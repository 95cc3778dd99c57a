package org.trackerkg.query;

import java.util.Optional;

/**
 * One parameter of a canned query, from a header line {@code # param: name (type, default) description}.
 *
 * @param name the SPARQL variable the value replaces (without {@code ?})
 * @param type what the value must look like and which RDF term it becomes
 * @param defaultValue the value when none is given; empty when the parameter is required
 * @param description what the parameter means (may be empty)
 */
public record QueryParam(String name, ParamType type, Optional<String> defaultValue, String description) {
  public boolean required() {
    return defaultValue.isEmpty();
  }
}
