package org.trackerkg.base;

/**
 * A message about an input, with its position (line and column 1-based; 0 when unknown). {@link #toString()} is
 * the one format users see.
 */
public record Diagnostic(Severity severity, String file, int line, int column, String message) {
  public enum Severity { WARNING, ERROR }

  /** A diagnostic whose column is unknown. */
  public Diagnostic(Severity severity, String file, int line, String message) {
    this(severity, file, line, 0, message);
  }

  public static Diagnostic warning(String file, int line, String message) {
    return new Diagnostic(Severity.WARNING, file, line, 0, message);
  }

  public static Diagnostic warning(String file, int line, int column, String message) {
    return new Diagnostic(Severity.WARNING, file, line, column, message);
  }

  public static Diagnostic error(String file, int line, String message) {
    return new Diagnostic(Severity.ERROR, file, line, 0, message);
  }

  public static Diagnostic error(String file, int line, int column, String message) {
    return new Diagnostic(Severity.ERROR, file, line, column, message);
  }

  public boolean isError() {
    return severity == Severity.ERROR;
  }

  /** This diagnostic moved to another file and line (a description embedded in a larger file), column kept. */
  public Diagnostic at(String otherFile, int otherLine) {
    return new Diagnostic(severity, otherFile, otherLine, column, message);
  }

  /**
   * {@code file:line:column: warning|error: message}; the column is left out when unknown (0), the line too when
   * it is unknown.
   */
  @Override
  public String toString() {
    String where = line > 0 ? file + ":" + line + (column > 0 ? ":" + column : "") : file;
    return where + ": " + severity.name().toLowerCase(java.util.Locale.ROOT) + ": " + message;
  }
}
