package org.trackerkg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;
import org.trackerkg.cli.ExitCode;
import org.trackerkg.cli.Main;

/** {@code tkg serve} through the real entry point: the errors that stop it before it serves. */
class ServeCommandTest {
  static int run(StringWriter out, StringWriter err, String... args) {
    return Main.commandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
  }

  @Test
  void portInUseIsAClearError() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      StringWriter out = new StringWriter();
      StringWriter err = new StringWriter();
      int code = run(out, err, "serve", "src/test/seed", "--port", String.valueOf(taken.getLocalPort()));
      assertEquals(ExitCode.BAD_INPUT, code, err.toString());
      assertTrue(err.toString().contains("tkg: port " + taken.getLocalPort() + " is in use"), err.toString());
    }
  }

  @Test
  void badOptionsAreUsageErrors() {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    assertEquals(ExitCode.BAD_INPUT, run(out, err, "serve", "src/test/seed", "--timeout", "soon"));
    assertTrue(err.toString().contains("--timeout"), err.toString());
    StringWriter err2 = new StringWriter();
    assertEquals(ExitCode.BAD_INPUT, run(out, err2, "serve", "src/test/seed", "--port", "70000", "--timeout", "1s"));
    assertTrue(err2.toString().contains("port"), err2.toString());
  }

  @Test
  void builderNamesTheBadValue() {
    var b = Fixture.server(Fixture.seed());
    IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
        () -> b.maxRows(0).build());
    assertTrue(e.getMessage().contains("maxRows: 0"), e.getMessage());
    IllegalArgumentException e2 = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
        () -> Fixture.server(Fixture.seed()).base("ftp://x/").build());
    assertTrue(e2.getMessage().startsWith("base:"), e2.getMessage());
    IllegalArgumentException e3 = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
        () -> Fixture.server(Fixture.seed()).headerTimeout(java.time.Duration.ZERO).build());
    assertTrue(e3.getMessage().startsWith("headerTimeout:"), e3.getMessage());
  }
}
