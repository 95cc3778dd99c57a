package org.trackerkg.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.trackerkg.dossier.Signature;

/** Issue 21, items 2 and 13: a hostile network signature cannot pin the matcher, an over-long one is left out. */
class SignatureMatcherBoundsTest {
  static final SignatureMatcher.Tracker HOSTILE = new SignatureMatcher.Tracker("https://x/id/tracker/hostile",
      "hostile", "Hostile");
  static final SignatureMatcher.Tracker FINE = new SignatureMatcher.Tracker("https://x/id/tracker/fine", "fine",
      "Fine");

  @Test
  void aBacktrackingSignatureStopsAndTheOthersStillMatch() {
    SignatureMatcher m = SignatureMatcher.builder()
        .add(HOSTILE, Signature.Kind.NETWORK, "(.*a){25}$")
        .add(HOSTILE, Signature.Kind.NETWORK, "^(.*a){12}$")
        .add(FINE, Signature.Kind.NETWORK, "a\\.example")
        .build();
    String host = "a".repeat(120) + ".example.b";
    // without a bound, each of these ran for minutes and pinned a core
    List<SignatureMatcher.Tracker> ts = assertTimeoutPreemptively(Duration.ofSeconds(20),
        () -> m.trackersOf(host, SignatureMatcher.As.HOST));
    assertEquals(List.of(FINE), ts);
    // the same answer every time: the bound counts steps, not time
    for (int i = 0; i < 3; i++) {
      assertEquals(ts, m.trackersOf(host, SignatureMatcher.As.HOST));
    }
    // the hostile regexes still match where they do so quickly
    assertEquals(List.of(HOSTILE), m.trackersOf("a".repeat(30), SignatureMatcher.As.HOST));
  }

  @Test
  void anOverLongSignatureIsLeftOut() {
    SignatureMatcher m = SignatureMatcher.builder()
        .add(HOSTILE, Signature.Kind.NETWORK, "a".repeat(Signature.MAX_PATTERN_CHARS + 1))
        .add(HOSTILE, Signature.Kind.CODE, "com." + "a".repeat(Signature.MAX_PATTERN_CHARS))
        .add(FINE, Signature.Kind.NETWORK, "a".repeat(Signature.MAX_PATTERN_CHARS))
        .build();
    assertEquals(1, m.signatures());
    assertEquals(List.of(FINE), m.trackersOf("a".repeat(Signature.MAX_PATTERN_CHARS + 10), SignatureMatcher.As.HOST));
  }
}
