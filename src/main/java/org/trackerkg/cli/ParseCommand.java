package org.trackerkg.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Placeholder until the reader lands. */
@Command(name = "parse", description = "Read dossiers into the model, for inspection.")
public final class ParseCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    throw new UsageException("parse: not yet available");
  }
}
