package org.trackerkg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.eclipse.jetty.server.Connector;
import org.junit.jupiter.api.Test;
import org.trackerkg.pipeline.Pipeline;
import org.trackerkg.server.TrackerServer;
import org.trackerkg.vocab.Iris;
import picocli.CommandLine;

/** {@code tkg serve}'s options as the command line parser gives them to the server it builds (not started). */
class ServeOptionsTest {
  /** Every connector's idle timeout of the server the options build, in milliseconds. */
  static List<Long> idleTimeouts(String... args) {
    ServeCommand serve = new ServeCommand();
    new CommandLine(serve).parseArgs(args);
    TrackerServer server = serve.options(TrackerServer.create())
        .dataset(Pipeline.load(List.of(Path.of("src/test/seed")), Iris.DEFAULT_BASE).dataset())
        .requestLog(null).messages(null).build();
    try {
      Connector[] connectors = server.fuseki().getJettyServer().getConnectors();
      assertTrue(connectors.length > 0);
      return java.util.Arrays.stream(connectors).map(Connector::getIdleTimeout).toList();
    } finally {
      server.stop();
    }
  }

  @Test
  void idleTimeoutReachesEveryConnector() {
    assertEquals(List.of(5_000L), idleTimeouts("--port", "0", "--idle-timeout", "5s"));
    assertEquals(List.of(1_500L), idleTimeouts("--port", "0", "--idle-timeout", "1500ms"));
  }

  @Test
  void idleTimeoutDefaultsToThirtySeconds() {
    assertEquals(List.of(TrackerServer.DEFAULT_IDLE_TIMEOUT.toMillis()), idleTimeouts("--port", "0"));
    assertEquals(Duration.ofSeconds(30), TrackerServer.DEFAULT_IDLE_TIMEOUT);
  }

  @Test
  void badIdleTimeoutIsAUsageError() {
    for (String bad : List.of("0", "soon", "-5s")) {
      StringWriter out = new StringWriter();
      StringWriter err = new StringWriter();
      int code = Main.commandLine(new PrintWriter(out, true), new PrintWriter(err, true))
          .execute("serve", "src/test/seed", "--port", "0", "--idle-timeout", bad);
      assertEquals(ExitCode.BAD_INPUT, code, bad + ": " + err);
      assertTrue(err.toString().contains("--idle-timeout"), err.toString());
      assertTrue(out.toString().isEmpty(), "not served: " + out);
    }
  }

  @Test
  void connectionCapReachesTheServer() {
    ServeCommand serve = new ServeCommand();
    new CommandLine(serve).parseArgs("--port", "0", "--max-connections", "7", "--header-timeout", "2s",
        "--result-cache", "0");
    TrackerServer server = serve.options(TrackerServer.create())
        .dataset(Pipeline.load(List.of(Path.of("src/test/seed")), Iris.DEFAULT_BASE).dataset())
        .requestLog(null).messages(null).build();
    try {
      assertEquals(7, server.fuseki().getJettyServer()
          .getBean(org.eclipse.jetty.server.NetworkConnectionLimit.class).getMaxNetworkConnectionCount());
    } finally {
      server.stop();
    }
  }

  @Test
  void badLimitsAreUsageErrorsNamingTheOption() {
    for (String[] bad : new String[][] {{"--max-connections", "0"}, {"--max-connections", "many"},
        {"--header-timeout", "0"}, {"--header-timeout", "later"}, {"--result-cache", "-1"}}) {
      StringWriter out = new StringWriter();
      StringWriter err = new StringWriter();
      int code = Main.commandLine(new PrintWriter(out, true), new PrintWriter(err, true))
          .execute("serve", "src/test/seed", "--port", "0", bad[0], bad[1]);
      assertEquals(ExitCode.BAD_INPUT, code, String.join(" ", bad) + ": " + err);
      assertTrue(err.toString().contains(bad[0]), err.toString());
      assertTrue(out.toString().isEmpty(), "not served: " + out);
    }
  }
}
