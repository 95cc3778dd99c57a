package org.trackerkg.server;

/** The port asked for is taken by another process. */
public final class PortInUseException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int port;

  PortInUseException(String host, int port, Throwable cause) {
    super("port " + port + " is in use on " + host + " (choose another with --port, or stop what listens there)",
        cause);
    this.port = port;
  }

  public int port() {
    return port;
  }
}
