package org.trackerkg.cli;

/** Bad usage or unreadable input: printed as one line, exit code 2, no stack trace unless asked for. */
public class UsageException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public UsageException(String message) {
    super(message);
  }

  public UsageException(String message, Throwable cause) {
    super(message, cause);
  }
}
