package org.trackerkg.cli;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * Progress of long work on standard error: on a terminal one line rewritten in place while a step runs, then its
 * result; elsewhere (a pipe, a log file, tests) one plain line per step; nothing with {@code --quiet}.
 */
final class Progress {
  private final PrintWriter err;
  private final boolean quiet;
  private final boolean terminal;
  private long started;
  private boolean pending;

  Progress(PrintWriter err, boolean quiet, boolean terminal) {
    this.err = err;
    this.quiet = quiet;
    this.terminal = terminal;
  }

  /** For the real standard error: in place when the JVM has a console. */
  static Progress of(PrintWriter err, boolean quiet) {
    return new Progress(err, quiet, System.console() != null);
  }

  /** A step begins ("reading data/ …"). */
  void start(String what) {
    started = System.nanoTime();
    if (quiet) {
      return;
    }
    if (terminal) {
      err.print("\r\033[K" + "tkg: " + what + " …");
      pending = true;
    } else {
      err.println("tkg: " + what + " …");
    }
    err.flush();
  }

  /** The step is done: its result, with the time it took. */
  void done(String result) {
    if (quiet) {
      return;
    }
    String line = "tkg: " + result + String.format(Locale.ROOT, " (%.1f s)", (System.nanoTime() - started) / 1e9);
    err.println(terminal && pending ? "\r\033[K" + line : line);
    pending = false;
    err.flush();
  }
}
