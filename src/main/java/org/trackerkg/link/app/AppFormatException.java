package org.trackerkg.link.app;

/** The file is not an app this scan can read (not a zip, no dex, a corrupt dex, over a limit); the message says why. */
public final class AppFormatException extends Exception {
  public AppFormatException(String message) {
    super(message);
  }

  public AppFormatException(String message, Throwable cause) {
    super(message, cause);
  }
}
