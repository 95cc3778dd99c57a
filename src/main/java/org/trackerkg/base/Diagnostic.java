package org.trackerkg.base;

/** A message about an input, with its position. {@link #toString()} is the one format users see. */
public record Diagnostic(Severity severity, String file, int line, String message) {
  public enum Severity { WARNING, ERROR }

  public static Diagnostic warning(String file, int line, String message) {
    return new Diagnostic(Severity.WARNING, file, line, message);
  }

  public static Diagnostic error(String file, int line, String message) {
    return new Diagnostic(Severity.ERROR, file, line, message);
  }

  public boolean isError() {
    return severity == Severity.ERROR;
  }

  /** {@code file:line: warning|error: message}; the line is left out when unknown (0). */
  @Override
  public String toString() {
    String where = line > 0 ? file + ":" + line : file;
    return where + ": " + severity.name().toLowerCase(java.util.Locale.ROOT) + ": " + message;
  }
}
