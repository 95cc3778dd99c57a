package org.trackerkg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The SVG pictures: served, valid XML, with text alternatives, nothing live in them; shown on their pages. */
class PicturesTest {
  static Document svg(String path) throws Exception {
    HttpResponse<byte[]> r = Fixture.getBytes(CorpusServer.get(), path);
    assertEquals(200, r.statusCode(), path);
    assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("image/svg+xml"), path);
    String text = new String(r.body(), StandardCharsets.UTF_8);
    assertFalse(text.toLowerCase(java.util.Locale.ROOT).contains("<script"), path);
    assertFalse(text.contains("href"), path + ": no links or external references");
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    Document d = f.newDocumentBuilder().parse(new ByteArrayInputStream(r.body()));
    Element root = d.getDocumentElement();
    assertEquals("svg", root.getLocalName());
    assertEquals("http://www.w3.org/2000/svg", root.getNamespaceURI());
    assertEquals("img", root.getAttribute("role"));
    assertEquals("title desc", root.getAttribute("aria-labelledby"));
    NodeList titles = root.getElementsByTagNameNS("http://www.w3.org/2000/svg", "title");
    assertTrue(titles.getLength() > 0 && !titles.item(0).getTextContent().isBlank(), path);
    assertFalse(root.getElementsByTagNameNS("http://www.w3.org/2000/svg", "desc").item(0).getTextContent().isBlank());
    return d;
  }

  static String desc(Document d) {
    return d.getDocumentElement().getElementsByTagNameNS("http://www.w3.org/2000/svg", "desc").item(0)
        .getTextContent();
  }

  @Test
  void homePageCharts() throws Exception {
    Document countries = svg("/pictures/countries.svg");
    assertTrue(desc(countries).contains("US "), desc(countries));
    Document retention = svg("/pictures/retention.svg");
    assertTrue(desc(retention).contains("pd:Location"), desc(retention));
    assertTrue(desc(retention).contains("forever"), desc(retention));
    Document cats = svg("/pictures/exodus-categories.svg");
    assertTrue(desc(cats).contains("Analytics") || desc(cats).toLowerCase().contains("analytics"), desc(cats));
    HttpResponse<String> home = Fixture.get(CorpusServer.get(), "/", "Accept", "text/html");
    for (String p : List.of("/pictures/countries.svg", "/pictures/retention.svg", "/pictures/exodus-categories.svg")) {
      assertTrue(home.body().contains("src=\"" + p + "\" alt=\""), p);
    }
  }

  @Test
  void ownershipTreeAndIntegrationNetwork() throws Exception {
    Document tree = svg("/pictures/ownership/crashlytics.svg");
    String d = desc(tree);
    assertTrue(d.contains("Google (") && d.contains("Crashlytics ("), d);
    assertTrue(d.indexOf("Google (") < d.indexOf("Crashlytics ("), "owner above: " + d);
    HttpResponse<String> org = Fixture.get(CorpusServer.get(), "/doc/org/google", "Accept", "text/html");
    assertTrue(org.body().contains("<img src=\"/pictures/ownership/google.svg\" alt=\"Ownership tree around Google"));
    Document net = svg("/pictures/network/mparticle.svg");
    assertTrue(desc(net).contains("integrates with") && desc(net).contains("Amplitude"), desc(net));
    HttpResponse<String> t = Fixture.get(CorpusServer.get(), "/doc/tracker/mparticle", "Accept", "text/html");
    assertTrue(t.body().contains("<img src=\"/pictures/network/mparticle.svg\" alt=\"Integration network of mParticle"));
    assertEquals(404, Fixture.get(CorpusServer.get(), "/pictures/network/no-such-tracker.svg").statusCode());
    assertEquals(404, Fixture.get(CorpusServer.get(), "/pictures/../void").statusCode() == 404 ? 404
        : Fixture.get(CorpusServer.get(), "/pictures/nothing.svg").statusCode());
  }

  @Test
  void textIsEscaped() {
    String s = Svg.bars("a <b> & \"c\"", "d\u0001</desc><script>", List.of(new Svg.Bar("<x>", 3)));
    assertTrue(s.contains("a &lt;b&gt; &amp; &quot;c&quot;"));
    assertFalse(s.contains("<script>"));
    assertFalse(s.contains("\u0001"));
  }
}
