package org.trackerkg.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/**
 * The {@code tkg} command. {@link #commandLine(PrintWriter, PrintWriter)} builds the one {@link CommandLine}
 * used by {@code main} and by tests alike: exit-code mapping, and an error handler that prints the message,
 * not the stack trace (unless {@code --stacktrace}).
 */
@Command(
    name = "tkg",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = "tracker-kg: dossiers about mobile-app trackers as linked data.",
    subcommands = {
      ParseCommand.class,
      ConvertCommand.class,
      ValidateCommand.class,
      QueryCommand.class,
      DumpCommand.class, DiffCommand.class,
      FetchCommand.class, HistoryCommand.class,
      ServeCommand.class, PublishCommand.class,
      MatchCommand.class, LinkCommand.class, ScanCommand.class,
      CommandLine.HelpCommand.class
    },
    footer = {
      "",
      "Exit codes: 0 success; 1 the data has findings; 2 bad usage or unreadable input; 3 internal error."
    })
public final class Main implements Callable<Integer> {

  @Option(names = "--stacktrace", scope = CommandLine.ScopeType.INHERIT,
      description = "Print the stack trace of an error, not just its message.")
  boolean stacktrace;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getOut());
    return ExitCode.BAD_INPUT;
  }

  public static void main(String[] args) {
    int code = commandLine(new PrintWriter(System.out, true), new PrintWriter(System.err, true)).execute(args);
    System.exit(code);
  }

  public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
    CommandLine cl = new CommandLine(new Main());
    cl.setOut(out);
    cl.setErr(err);
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    cl.getHelpSectionMap().put(CommandLine.Model.UsageMessageSpec.SECTION_KEY_COMMAND_LIST, Main::commandList);
    cl.setExitCodeExceptionMapper(t -> t instanceof UsageException ? ExitCode.BAD_INPUT : ExitCode.INTERNAL);
    cl.setParameterExceptionHandler((ex, argv) -> {
      CommandLine c = ex.getCommandLine();
      c.getErr().println("tkg: " + ex.getMessage());
      c.getErr().println("Try 'tkg " + commandPath(c) + "--help' for usage.");
      return ExitCode.BAD_INPUT;
    });
    cl.setExecutionExceptionHandler((ex, c, parseResult) -> {
      boolean trace = parseResult.hasMatchedOption("--stacktrace")
          || parseResult.subcommands().stream().anyMatch(p -> p.hasMatchedOption("--stacktrace"));
      Throwable t = ex;
      if (ex instanceof UsageException) {
        c.getErr().println("tkg: " + ex.getMessage());
      } else {
        c.getErr().println("tkg: internal error: " + ex);
      }
      if (trace) {
        t.printStackTrace(c.getErr());
      }
      c.getErr().flush();
      return ex instanceof UsageException ? ExitCode.BAD_INPUT : ExitCode.INTERNAL;
    });
    return cl;
  }

  /**
   * The list of commands in the help: each with the first sentence of its description, whole (picocli shows the
   * description's first line, which cuts most of ours mid-sentence).
   */
  static String commandList(CommandLine.Help help) {
    if (help.subcommands().isEmpty()) {
      return "";
    }
    int width = Math.max(60, help.commandSpec().usageMessage().width());
    int nameWidth = help.subcommands().keySet().stream().mapToInt(String::length).max().orElse(8) + 4;
    StringBuilder sb = new StringBuilder();
    help.subcommands().forEach((name, sub) -> {
      String text = firstSentence(String.join(" ", sub.commandSpec().usageMessage().description())
          .replace("%n", " "));
      StringBuilder line = new StringBuilder("  " + name + " ".repeat(Math.max(1, nameWidth - name.length() - 2)));
      int start = line.length();
      for (String word : text.split(" ")) {
        if (line.length() + 1 + word.length() > width && line.length() > start) {
          sb.append(line.toString().stripTrailing()).append(System.lineSeparator());
          line = new StringBuilder(" ".repeat(start));
        }
        line.append(word).append(' ');
      }
      sb.append(line.toString().stripTrailing()).append(System.lineSeparator());
    });
    return sb.toString();
  }

  /** Up to the first full stop followed by a space and a capital letter (or the end). */
  static String firstSentence(String text) {
    String t = text.strip().replaceAll("\\s+", " ");
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\.\\s+(?=[A-Z\"(])").matcher(t);
    return m.find() ? t.substring(0, m.start() + 1) : t;
  }

  private static String commandPath(CommandLine c) {
    StringBuilder sb = new StringBuilder();
    for (CommandLine p = c; p.getParent() != null; p = p.getParent()) {
      sb.insert(0, p.getCommandName() + " ");
    }
    return sb.toString();
  }

  /** This build, as patch records name it: {@code tracker-kg VERSION} (the jar's manifest, else "dev"). */
  static String build() {
    return new Version().getVersion()[0];
  }

  /** The version from the jar's manifest, else "dev". */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = Main.class.getPackage().getImplementationVersion();
      return new String[] {"tracker-kg " + (v == null ? "dev" : v)};
    }
  }
}
