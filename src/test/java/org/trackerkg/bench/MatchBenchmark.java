package org.trackerkg.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.trackerkg.Corpus;
import org.trackerkg.dossier.Dossier;
import org.trackerkg.dossier.DossierReader;
import org.trackerkg.dossier.Signature;
import org.trackerkg.link.SignatureMatcher;
import org.trackerkg.vocab.Iris;

/**
 * Not a test: class names matched per second against every εxodus signature, SignatureMatcher (prefix trie +
 * Aho–Corasick) beside naive loops over all patterns (εxodus-style regex find per pattern, and startsWith).
 * 100 000 names: real package prefixes with random suffixes, and names that match nothing.
 * Run: {@code mvn -q -o test-compile exec:java} is not wired; use
 * {@code java -cp target/classes:target/test-classes:$(cat cp.txt) org.trackerkg.bench.MatchBenchmark}.
 */
public final class MatchBenchmark {
  public static void main(String[] args) {
    Path json = args.length > 0 ? Path.of(args[0]) : Corpus.exodusJson();
    List<Dossier> records = DossierReader.read(List.of(json)).dossiers();
    SignatureMatcher.Builder b = SignatureMatcher.builder();
    List<String> codes = new ArrayList<>();
    List<Pattern> codeRegexes = new ArrayList<>();
    List<Pattern> netRegexes = new ArrayList<>();
    int signatures = 0;
    for (Dossier d : records) {
      SignatureMatcher.Tracker t = new SignatureMatcher.Tracker(Iris.DEFAULT_BASE + "id/tracker/" + d.exodusId(),
          String.valueOf(d.exodusId()), d.name());
      for (Signature s : d.signatures()) {
        b.add(t, s.kind(), s.pattern());
        signatures++;
        if (s.kind() == Signature.Kind.CODE) {
          codes.add(s.pattern());
          codeRegexes.add(Pattern.compile(Pattern.quote(s.pattern())));
        } else {
          try {
            netRegexes.add(Pattern.compile(s.pattern(), Pattern.CASE_INSENSITIVE));
          } catch (RuntimeException e) {
            // skipped in the baseline
          }
        }
      }
    }
    SignatureMatcher m = b.build();
    Random rnd = new Random(42);
    List<String> names = new ArrayList<>();
    String[] other = {"androidx.appcompat.widget", "kotlin.collections", "com.example.app.ui", "okhttp3.internal",
        "com.squareup.picasso", "org.json", "io.reactivex.internal.operators", "com.google.gson.internal"};
    for (int i = 0; i < 100_000; i++) {
      String prefix = i % 2 == 0 ? codes.get(rnd.nextInt(codes.size())) : other[rnd.nextInt(other.length)];
      StringBuilder sb = new StringBuilder(prefix);
      if (!prefix.endsWith(".")) {
        sb.append('.');
      }
      sb.append("C").append(Integer.toString(rnd.nextInt(1 << 20), 36)).append('$').append(rnd.nextInt(9));
      names.add(sb.toString());
    }
    List<String> hosts = new ArrayList<>();
    String[] hostParts = {"api", "cdn", "sdk", "events", "t", "www", "static"};
    String[] domains = {"mparticle.com", "appsflyer.com", "flurry.com", "example.org", "wikipedia.org",
        "googlesyndication.com", "kochava.com", "cloudfront.net", "myapp.io", "doubleclick.net"};
    for (int i = 0; i < 100_000; i++) {
      hosts.add(hostParts[rnd.nextInt(hostParts.length)] + rnd.nextInt(100) + "." + domains[rnd.nextInt(domains.length)]);
    }
    System.out.printf("εxodus: %d trackers, %d signatures (%d code, %d network); %d class names, %d hosts%n",
        records.size(), signatures, codes.size(), netRegexes.size(), names.size(), hosts.size());
    for (int round = 0; round < 3; round++) {
      long hits = 0;
      long t0 = System.nanoTime();
      for (String n : names) {
        hits += m.match(n, SignatureMatcher.As.CLASS).size();
      }
      long t1 = System.nanoTime();
      long naive = 0;
      for (String n : names) {
        for (Pattern p : codeRegexes) {
          if (p.matcher(n).find()) {
            naive++;
          }
        }
      }
      long t2 = System.nanoTime();
      long naiveSw = 0;
      for (String n : names) {
        for (String c : codes) {
          if (n.startsWith(c)) {
            naiveSw++;
          }
        }
      }
      long t3 = System.nanoTime();
      long hostHits = 0;
      for (String h : hosts) {
        hostHits += m.match(h, SignatureMatcher.As.HOST).size();
      }
      long t4 = System.nanoTime();
      long naiveHost = 0;
      for (String h : hosts) {
        for (Pattern p : netRegexes) {
          if (p.matcher(h).find()) {
            naiveHost++;
          }
        }
      }
      long t5 = System.nanoTime();
      System.out.printf("round %d: classes: matcher %,.0f/s (%d hits) | naive regex find %,.0f/s (%d) | naive startsWith"
          + " %,.0f/s (%d)%n", round, rate(names.size(), t1 - t0), hits, rate(names.size(), t2 - t1), naive,
          rate(names.size(), t3 - t2), naiveSw);
      System.out.printf("round %d: hosts:   matcher %,.0f/s (%d hits) | naive regex find %,.0f/s (%d)%n", round,
          rate(hosts.size(), t4 - t3), hostHits, rate(hosts.size(), t5 - t4), naiveHost);
    }
  }

  private static double rate(int n, long nanos) {
    return n / (nanos / 1e9);
  }
}
