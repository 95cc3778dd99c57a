package org.trackerkg.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;
import org.trackerkg.Corpus;
import org.trackerkg.dossier.DossierReader;

/**
 * Not a test: reads the whole corpus (profiles + trackers.json) N times after warm-up and prints MB/s, beside
 * commonmark-java alone parsing the same Markdown texts (the baseline). Usage: ReaderBenchmark [N].
 */
public final class ReaderBenchmark {
  public static void main(String[] args) throws Exception {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 30;
    if (!Corpus.present()) {
      System.err.println(Corpus.root() + " not found");
      System.exit(2);
    }
    List<Path> inputs = List.of(Corpus.profiles(), Corpus.exodusJson());
    long bytes = Files.size(Corpus.exodusJson());
    List<String> markdown = new ArrayList<>();
    try (Stream<Path> s = Files.list(Corpus.profiles())) {
      for (Path p : s.sorted().toList()) {
        bytes += Files.size(p);
        markdown.add(Files.readString(p));
      }
    }
    for (JsonNode t : new ObjectMapper().readTree(Corpus.exodusJson().toFile()).get("trackers")) {
      markdown.add(t.path("description").asText(""));
    }
    long mdBytes = markdown.stream().mapToLong(m -> m.getBytes(java.nio.charset.StandardCharsets.UTF_8).length).sum();
    Parser commonmark = Parser.builder().includeSourceSpans(IncludeSourceSpans.BLOCKS_AND_INLINES).build();

    int dossiers = 0;
    for (int i = 0; i < Math.max(5, n / 3); i++) {  // warm-up
      dossiers = DossierReader.read(inputs).dossiers().size();
      markdown.forEach(commonmark::parse);
    }
    long t0 = System.nanoTime();
    for (int i = 0; i < n; i++) {
      DossierReader.read(inputs);
    }
    double reader = (System.nanoTime() - t0) / 1e9;
    long t1 = System.nanoTime();
    for (int i = 0; i < n; i++) {
      markdown.forEach(commonmark::parse);
    }
    double baseline = (System.nanoTime() - t1) / 1e9;
    double readerMbs = bytes * (double) n / reader / 1e6;
    double baselineMbs = mdBytes * (double) n / baseline / 1e6;
    System.out.printf("corpus: %d bytes of files (%d dossiers), %d bytes of Markdown; %d rounds%n", bytes, dossiers, mdBytes, n);
    System.out.printf("DossierReader (files → dossiers): %.1f MB/s (%.1f ms/round)%n", readerMbs, reader * 1000 / n);
    System.out.printf("commonmark-java alone (Markdown): %.1f MB/s (%.1f ms/round)%n", baselineMbs, baseline * 1000 / n);
    System.out.printf("reader / baseline time per Markdown byte: %.2fx%n", (reader / mdBytes) / (baseline / mdBytes));
  }
}
