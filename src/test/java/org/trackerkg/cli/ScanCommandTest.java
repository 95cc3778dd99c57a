package org.trackerkg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.model.impl.SimpleValueFactory;
import org.eclipse.rdf4j.rio.RDFFormat;
import org.eclipse.rdf4j.rio.Rio;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trackerkg.link.app.ScanFixture;

/** {@code tkg scan} end to end: exit codes, one line per bad file, the HTML escaped and closed, the RDF readable. */
class ScanCommandTest {
  @TempDir Path tmp;

  record Run(int code, String out, String err) {}

  Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.commandLine(new PrintWriter(out), new PrintWriter(err)).execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  @Test
  void badFilesGetOneLineEachAndTheOthersAreStillScanned() throws Exception {
    Path apk = ScanFixture.trackerApk(tmp, "shop.apk");
    Path text = Files.writeString(tmp.resolve("readme.apk"), "not an app");
    Path noDex = ScanFixture.zip(tmp.resolve("nodex.apk"), java.util.Map.of("a.txt", new byte[3]));
    Path html = tmp.resolve("shop.html");
    Path rdf = tmp.resolve("shop.nq");
    Run r = run("scan", "--format", "html", "-o", html.toString(), text.toString(), apk.toString(),
        noDex.toString());
    assertEquals(ExitCode.BAD_INPUT, r.code(), r.err());
    List<String> lines = r.err().lines().filter(l -> l.startsWith(tmp.toString())).toList();
    assertEquals(List.of(text + ": not an APK, bundle or dex (no zip or dex signature at the start)",
        noDex + ": a zip without classes.dex (not an APK, or one without code)"), lines);
    assertFalse(r.err().contains("Exception"), r.err());
    String page = Files.readString(html);
    assertTrue(page.contains("<h4>mParticle</h4>") && page.contains("<h4>AppsFlyer</h4>"), page);

    Run nq = run("scan", "--format", "rdf", "-o", rdf.toString(), apk.toString());
    assertEquals(ExitCode.OK, nq.code(), nq.err());
    Model m = Rio.parse(new StringReader(Files.readString(rdf)), "", RDFFormat.NQUADS);
    var vf = SimpleValueFactory.getInstance();
    var embeds = vf.createIRI("https://w3id.org/tracker-kg/ontology#embeds");
    var mparticle = vf.createIRI("https://w3id.org/tracker-kg/id/tracker/mparticle");
    assertTrue(m.contains(null, embeds, mparticle), Files.readString(rdf));
    assertEquals(1, m.contexts().size());
    assertTrue(m.contexts().iterator().next().stringValue().startsWith("https://w3id.org/tracker-kg/graph/scan/"));
  }

  @Test
  void htmlEscapesEveryStringAndLoadsNothing() throws Exception {
    String evil = "<img src=x onerror=alert(1)>";
    Path list = Files.writeString(tmp.resolve(evil + ".txt"), "com.mparticle.\"><script>alert(2)</script>\n");
    Path html = tmp.resolve("out.html");
    Run r = run("scan", "--format", "html", "-o", html.toString(), list.toString());
    assertEquals(ExitCode.OK, r.code(), r.err());
    String page = Files.readString(html);
    assertFalse(page.contains("<script"), page);
    assertFalse(page.contains("<img"), page);
    assertTrue(page.contains("&lt;img src=x onerror=alert(1)&gt;.txt"), page);
    // no resource from anywhere: no src=, no stylesheet link, a CSP that forbids every fetch
    assertFalse(Pattern.compile("<[^>]*\\s(src|srcset)=|<link|<iframe|url\\(|@import").matcher(page).find(), page);
    assertTrue(page.contains("default-src 'none'"));
  }
}
