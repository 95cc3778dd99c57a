package org.trackerkg.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.trackerkg.Corpus;
import org.trackerkg.pipeline.Pipeline;
import org.trackerkg.publish.RdfOutput;
import org.trackerkg.vocab.Iris;

/** The two-pass, streamed conversion gives the very bytes of the in-memory one. */
class StreamingConvertTest {
  static byte[] inMemory(List<Path> inputs, RdfOutput.Format f) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    RdfOutput.write(Pipeline.load(inputs, Iris.DEFAULT_BASE).dataset(), f, Iris.DEFAULT_BASE, out);
    return out.toByteArray();
  }

  static byte[] streamed(List<Path> inputs, RdfOutput.Format f, int[] dossiers) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (RdfOutput.SortedLines lines = RdfOutput.sortedLines(f)) {
      Pipeline.Streamed s = Pipeline.stream(inputs, Iris.DEFAULT_BASE, lines.sink());
      dossiers[0] = s.dossiers();
      lines.writeTo(out);
    }
    return out.toByteArray();
  }

  @Test
  void theSeedWithItsWikidataLinks() throws IOException {
    List<Path> inputs = List.of(Path.of("src/test/seed"));
    for (RdfOutput.Format f : List.of(RdfOutput.Format.NT, RdfOutput.Format.NQ)) {
      int[] n = new int[1];
      byte[] s = streamed(inputs, f, n);
      assertArrayEquals(inMemory(inputs, f), s, f.toString());
      assertEquals(1, n[0]);
      assertTrue(new String(s, java.nio.charset.StandardCharsets.UTF_8).contains("wikidata.org/entity/"),
          "the links graph is there");
    }
  }

  @Test
  void theWholeCorpus() throws IOException {
    Corpus.assumePresent();
    List<Path> inputs = List.of(Corpus.profiles(), Corpus.exodusJson(), Path.of("src/test/seed"));
    for (RdfOutput.Format f : List.of(RdfOutput.Format.NT, RdfOutput.Format.NQ)) {
      int[] n = new int[1];
      assertArrayEquals(inMemory(inputs, f), streamed(inputs, f, n), f.toString());
      assertTrue(n[0] > 400, n[0] + " dossiers");
    }
  }
}
