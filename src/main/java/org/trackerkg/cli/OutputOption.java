package org.trackerkg.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.trackerkg.base.AtomicFile;
import picocli.CommandLine.Option;

/** {@code -o FILE}: where a command's output goes, written atomically (a reader never sees half a file). */
public final class OutputOption {
  @Option(names = {"-o", "--output"}, paramLabel = "FILE",
      description = "Write to FILE (atomically) instead of standard output.")
  Path output;

  boolean toFile() {
    return output != null;
  }

  /** Writes bytes to FILE, or to standard output; a FILE that cannot be written is a usage error. */
  void write(AtomicFile.Content content) throws IOException {
    if (output == null) {
      content.writeTo(System.out);
      System.out.flush();
      return;
    }
    try {
      AtomicFile.write(output, content);
    } catch (IOException e) {
      throw new UsageException("cannot write " + output + ": " + e.getMessage(), e);
    }
  }

  /** Writes text to FILE, or to the command's standard output {@code stdout}. */
  void write(String text, PrintWriter stdout) throws IOException {
    if (output == null) {
      stdout.print(text);
      stdout.flush();
    } else {
      write(out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
    }
  }

  @Override
  public String toString() {
    return String.valueOf(output);
  }
}
