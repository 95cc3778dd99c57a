package org.trackerkg.cli;

/** The documented exit codes of every {@code tkg} command. */
public final class ExitCode {
  /** Success. */
  public static final int OK = 0;
  /** The command ran, and the data has findings (SHACL violations, a dump that does not verify, a diff). */
  public static final int FINDINGS = 1;
  /** Bad usage, or input that could not be read. */
  public static final int BAD_INPUT = 2;
  /** An internal error: a bug or the environment (disk full, port in use is BAD_INPUT). */
  public static final int INTERNAL = 3;

  private ExitCode() {}
}
