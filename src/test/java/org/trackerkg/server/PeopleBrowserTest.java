package org.trackerkg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * What a privacy researcher does, in Chromium over the whole data set: search from the header box and reach the
 * right page in one click; every page type renders without a console error or a request to another host; a
 * screenshot of each page type under target/screenshots/ for review.
 */
@Tag("slow")
class PeopleBrowserTest {
  static TrackerServer server;
  static ChromeDriver driver;

  @BeforeAll
  static void start() throws Exception {
    server = CorpusServer.get();
    driver = Chromium.start(Files.createTempDirectory("tkg-chromium-"));
  }

  @AfterAll
  static void stop() {
    if (driver != null) {
      driver.quit();
    }
  }

  static WebDriverWait waiting() {
    return new WebDriverWait(driver, Duration.ofSeconds(30));
  }

  /** No console error since the last call, and nothing loaded from another host. */
  static void assertCleanLoad(String what) {
    List<LogEntry> errors = driver.manage().logs().get(LogType.BROWSER).getAll().stream()
        .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue()).toList();
    assertEquals(List.of(), errors.stream().map(LogEntry::getMessage).toList(), what + ": console errors");
    for (Object u : Chromium.requests(driver)) {
      assertTrue(u.toString().startsWith("http://127.0.0.1:" + server.port() + "/"), what + " requested " + u);
    }
  }

  @Test
  void searchReachesTheRightPageInOneClick() throws Exception {
    String[][] cases = {
        {"Flury", "/doc/tracker/flurry", "Flurry"},
        {"Braze", "/doc/tracker/appboy", "Appboy"},
        {"appsflyer.com", "/doc/tracker/appsflyer", "AppsFlyer"},
        {"com.appsflyer", "/doc/tracker/appsflyer", "AppsFlyer"},
        {"Google", "/doc/org/google", "Google"}};
    for (String[] c : cases) {
      driver.get(server.url());
      WebElement box = waiting().until(ExpectedConditions.elementToBeClickable(By.id("site-search")));
      box.sendKeys(c[0]);
      box.submit();
      WebElement first = waiting().until(ExpectedConditions.elementToBeClickable(
          By.cssSelector("#hits li:first-child a")));
      assertCleanLoad("search " + c[0]);
      if (c[0].equals("Flury")) {
        Chromium.screenshot(driver, "people-search");
      }
      first.click();
      waiting().until(ExpectedConditions.urlContains(c[1]));
      assertTrue(driver.getCurrentUrl().endsWith(c[1]), c[0] + " → " + driver.getCurrentUrl());
      assertTrue(driver.findElement(By.tagName("h1")).getText().contains(c[2]), c[0]);
      assertCleanLoad(c[1]);
    }
  }

  @Test
  void everyPageTypeRendersCleanly() throws Exception {
    String[][] pages = {
        {"/", "home", "tracker-kg"},
        {"/search?q=Google", "search", "Search"},
        {"/trackers?country=US", "trackers", "Trackers"},
        {"/organisations?sort=trackers&dir=desc", "organisations", "Organisations"},
        {"/doc/tracker/mparticle", "tracker", "mParticle"},
        {"/doc/tracker/appsflyer", "tracker-appsflyer", "AppsFlyer"},
        {"/doc/org/google", "organisation", "Google"},
        {"/graph/profiles/mparticle", "source-document", ""},
        {"/sparql", "sparql", ""},
        {"/queries", "queries", ""},
        {"/queries/trackers-by-country", "query-results", ""},
        {"/void", "void", ""},
        {"/ontology", "ontology", ""},
        {"/dumps/", "dumps", ""},
        {"/match?q=com.appsflyer.AppsFlyerLib", "match", ""}};
    for (String[] p : pages) {
      driver.get(server.url() + p[0].substring(1));
      waiting().until(ExpectedConditions.presenceOfElementLocated(By.tagName("footer")));
      assertFalse(driver.findElements(By.tagName("h1")).isEmpty() && p[2].isEmpty() ? false
          : !driver.findElement(By.tagName("h1")).getText().contains(p[2]), p[0]);
      // every picture on the page loaded (an <img> that failed has no natural width)
      for (WebElement img : driver.findElements(By.tagName("img"))) {
        Object w = driver.executeScript("return arguments[0].complete && arguments[0].naturalWidth", img);
        assertTrue(w instanceof Number n && n.intValue() > 0, p[0] + ": picture " + img.getAttribute("src"));
        assertFalse(img.getAttribute("alt").isBlank(), p[0] + ": picture without text");
      }
      assertCleanLoad(p[0]);
      Chromium.screenshot(driver, "people-" + p[1]);
    }
    assertTrue(Files.size(Path.of("target", "screenshots", "people-tracker.png")) > 10_000);
  }
}
