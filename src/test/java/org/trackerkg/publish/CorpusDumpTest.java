package org.trackerkg.publish;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trackerkg.Corpus;
import org.trackerkg.pipeline.Pipeline;
import org.trackerkg.vocab.Iris;

/** The shared corpus (60 profiles and εxodus' trackers.json) dumps and verifies with Jena and Rio. */
class CorpusDumpTest {
  @TempDir Path tmp;

  @Test
  void corpusDumpsAndVerifies() throws Exception {
    Corpus.assumePresent();
    Pipeline.Loaded loaded = Pipeline.load(List.of(Corpus.profiles(), Corpus.exodusJson()), Iris.DEFAULT_BASE);
    DumpWriter.create().version("test").write(loaded.dataset(), tmp);
    DumpVerifier.Report r = DumpVerifier.verify(tmp, loaded.dataset(), Iris.DEFAULT_BASE);
    assertTrue(r.ok(), () -> String.join("\n", r.problems()));
  }
}
