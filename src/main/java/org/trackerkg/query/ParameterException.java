package org.trackerkg.query;

/**
 * A parameter of a canned query is missing, unknown or malformed: the caller's mistake, reported as one line
 * (exit code 2 on the command line, 400 over HTTP).
 */
public class ParameterException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  public ParameterException(String message) {
    super(message);
  }
}
