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

/** The reader's hand-written fast paths give the same results as the regular expressions they replaced. */
class ReaderFastPathsTest {
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

  @Test
  void doubledLinksAreUndoneAsTheExpressionDoesIt() {
    Pattern doubled = Pattern.compile("\\]\\((https?://[^\\s()\\[\\]]+)\\]\\((https?://[^\\s()\\[\\]]+)\\)");
    Random r = new Random(7);
    String[] parts = {"](http://a.example", "](https://b.example/x", "](http", "]", "(", ")", "[k]", " ", "\n", "x", "://",
        "](http://c.example)", "](https://d.example](https://d.example)"};
    for (int n = 0; n < 20_000; n++) {
      StringBuilder sb = new StringBuilder();
      for (int i = r.nextInt(12); i > 0; i--) {
        sb.append(parts[r.nextInt(parts.length)]);
      }
      String text = sb.toString();
      assertEquals(doubled.matcher(text).replaceAll("]($1)"), MarkdownDossierParser.undoubleLinks(text), text);
    }
    assertEquals("[k](https://e.example) and [j](http://f.example)", MarkdownDossierParser.undoubleLinks(
        "[k](https://e.example](https://e.example) and [j](http://f.example](http://f.example)"));
  }
  /** The gate before the "users that use it include …" expressions never hides a sentence they would match. */
  @Test
  void listWordGateLetsThroughEverySentenceTheUsersExpressionsMatch() {
    // the expressions' endings, as USERS_RELATIVE and USERS_PARTICIPLE (ProseFacts) write them
    Pattern ending = Pattern.compile("\\s+(?:includes|included|include|are|were|range from|such as|like)\\s*:?\\s*");
    Random r = new Random(11);
    String[] parts = {" ", "\t", "\n", "\u000B", "include", "includes", "are", "were", "range", " from", "such", " as",
        "like", "Apps", "that", "use", "it", ":", "x", "Al", "\u00A0"};
    for (int n = 0; n < 20_000; n++) {
      StringBuilder sb = new StringBuilder();
      for (int i = r.nextInt(10); i > 0; i--) {
        sb.append(parts[r.nextInt(parts.length)]);
      }
      String lower = sb.toString().toLowerCase(java.util.Locale.ROOT);
      if (ending.matcher(lower).find()) {
        assertEquals(true, ProseFacts.listWordAfterSpace(lower), lower);
      }
    }
  }
}
