package org.trackerkg.cli;

import org.trackerkg.vocab.Iris;
import picocli.CommandLine.Option;

/** {@code --base}: checked once, when the command line is parsed, for every command that mints or reads IRIs. */
public final class BaseOption {
  @Option(names = "--base", paramLabel = "IRI", defaultValue = Iris.DEFAULT_BASE,
      converter = Converters.BaseConverter.class,
      description = "Base of every minted IRI, and of tracker slugs in parameters (default: ${DEFAULT-VALUE}).")
  Iris iris = new Iris(Iris.DEFAULT_BASE);

  /** The base IRI as text. */
  String base() {
    return iris.base();
  }
}
