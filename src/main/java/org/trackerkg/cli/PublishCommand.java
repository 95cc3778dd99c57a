package org.trackerkg.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.apache.kafka.common.KafkaException;
import org.trackerkg.pipeline.Pipeline;
import org.trackerkg.publish.PatchLog;
import org.trackerkg.publish.Publisher;
import org.trackerkg.validate.Validation;
import org.trackerkg.vocab.Iris;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code tkg publish}: the change since the last publish, as one RDF Patch appended to a Kafka topic. */
@Command(name = "publish", mixinStandardHelpOptions = true,
    description = {"Convert and validate the input, then append to the patch log at --to the RDF Patch that turns",
        "the last published state (read back from the log) into it: the whole data set the first time, nothing",
        "when the input did not change. Replicas (`tkg serve --follow`) apply the patches in order.",
        "Exit 0 published (or nothing to publish), 1 the data does not conform (nothing appended),",
        "2 unreadable input, bad address or unreachable log."})
public final class PublishCommand implements Callable<Integer> {
  @Mixin InputOptions input;

  @Option(names = "--to", paramLabel = "kafka://BOOTSTRAP/TOPIC", required = true,
      description = "The patch log: a Kafka topic (created with one partition when missing).")
  String to;

  @Option(names = "--dumps", paramLabel = "DIR",
      description = "Also write the dumps of the published state into DIR, with its patch id (replication.json), "
          + "for new replicas to start from (`serve --follow … --bootstrap DIR`).")
  java.nio.file.Path dumps;

  @Option(names = "--chunk-size", paramLabel = "BYTES", defaultValue = "" + PatchLog.DEFAULT_CHUNK_BYTES,
      description = "Split a patch of more patch text than this over several records (a begin record, the chunks, "
          + "an end record; applied by replicas in one transaction). Default: ${DEFAULT-VALUE} (64 MiB); at most "
          + "128 MiB (a record holds 256 MiB).")
  int chunkSize;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    PatchLog.Address address;
    try {
      address = PatchLog.Address.parse(to);
    } catch (IllegalArgumentException e) {
      throw new UsageException("--to: " + e.getMessage(), e);
    }
    if (chunkSize < 1 || chunkSize > PatchLog.MAX_RECORD_BYTES / 2) {
      throw new UsageException("--chunk-size: " + chunkSize + " is not between 1 and " + PatchLog.MAX_RECORD_BYTES / 2);
    }
    Pipeline.Loaded loaded = input.load(err);
    if (loaded.hasInputErrors()) {
      err.println("tkg: not publishing: some input could not be read (see above)");
      return ExitCode.BAD_INPUT;
    }
    Validation.Report report = Validation.validate(loaded.dataset(), loaded.graph().sourceFiles());
    if (!report.conforms()) {
      report.findings().stream().filter(Validation.Finding::isViolation).forEach(err::println);
      err.printf("tkg: not publishing: %d violations of the shapes%n", report.violations());
      return ExitCode.FINDINGS;
    }
    String base = input.base();
    Publisher.Outcome o;
    try {
      o = Publisher.publish(address, loaded.dataset(), base, Main.build(), chunkSize);
    } catch (KafkaException | IllegalStateException e) {
      err.println("tkg: not published to " + address + ": " + e.getMessage());
      return ExitCode.BAD_INPUT;
    }
    if (!o.appended()) {
      out.println("tkg: nothing to publish: " + loaded.dossierCount() + " dossiers, the same data as patch "
          + (o.header() == null ? "(none)" : o.header().id()));
    } else {
      out.printf("tkg: published patch %s at offset %d of %s (%s, -%d +%d quads%s); state sha256 %s%n",
          o.header().id(), o.offset(), address, o.header().previous().isEmpty() ? "snapshot"
              : "after " + o.header().previous(), o.removed(), o.added(),
          o.records() > 1 ? ", split over " + o.records() + " records" : "", o.header().sha256());
    }
    if (dumps != null && o.header() != null) {
      try {
        if (!org.trackerkg.store.replication.ReplicaDumps.write(loaded.dataset(), base, o.header(), dumps)) {
          err.println("tkg: dumps not written: the input's state is not the one patch " + o.header().id()
              + " announces");
          return ExitCode.INTERNAL;
        }
        out.println("tkg: dumps of patch " + o.header().id() + " in " + dumps);
      } catch (java.io.IOException e) {
        err.println("tkg: published, but the dumps could not be written to " + dumps + ": " + e.getMessage());
        return ExitCode.BAD_INPUT;
      }
    }
    out.flush();
    return ExitCode.OK;
  }
}
