package org.trackerkg.dossier;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The one-pass sentence splitter gives the same sentences as the regular expression it replaced. */
class SentenceSplitTest {
  private static final Pattern REFERENCE = Pattern.compile("(?<=[.!?][\"”)]?)\\s+(?=[\\p{Lu}\"“(\\[])|\\n\\s*\\n");

  private static List<String> byRegex(String text) {
    List<String> out = new ArrayList<>();
    for (String s : REFERENCE.split(text)) {
      String t = s.replace('\n', ' ').trim();
      if (!t.isEmpty()) {
        out.add(t);
      }
    }
    return out;
  }

  @Test
  void sameSentencesAsTheExpressionOnEveryShippedProfile() throws IOException {
    int files = 0;
    try (Stream<Path> s = Files.walk(Path.of("data/sources/yale-tracker-profiles"))) {
      for (Path p : s.filter(f -> f.toString().endsWith(".md")).sorted().toList()) {
        String text = Files.readString(p, StandardCharsets.UTF_8);
        assertEquals(byRegex(text), ProseFacts.sentences(text), p.toString());
        files++;
      }
    }
    assertEquals(true, files > 10, "profiles read: " + files);
  }

  @Test
  void sameSentencesAsTheExpressionOnTheCorners() {
    for (String text : List.of("", " ", "\n\n", "A. B", "a. b", "Ends here.\" Next one", "Ends here.) (Next", "x.\n \nY",
        "one\n\ntwo", "one \n \t\n two", "Mr. Smith", "3.5 Million", "Why? [Because", "Done!“Quoted”", "Done! “Quoted”",
        "Wow.\u00A0Next", "End.  Ελληνικά", "End. \uD835\uDC00 math capital", ".\n\n.", "?\u000BZ", "a.\rB")) {
      assertEquals(byRegex(text), ProseFacts.sentences(text), text);
    }
  }

  @Test
  void sameSentencesAsTheExpressionOnRandomText() {
    Random r = new Random(42);
    String alphabet = "aZ .!?\"”)(“[\n\t\rÉé";
    for (int n = 0; n < 20_000; n++) {
      StringBuilder sb = new StringBuilder();
      for (int i = r.nextInt(30); i > 0; i--) {
        sb.append(alphabet.charAt(r.nextInt(alphabet.length())));
      }
      String text = sb.toString();
      assertEquals(byRegex(text), ProseFacts.sentences(text), text);
    }
  }
}
