package org.trackerkg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium against a real server: the landing page, a tracker page, the SPARQL page, and no request
 * to any host but the server. Needs Debian's chromium and chromium-driver (TKG_CHROMIUM, TKG_CHROMEDRIVER).
 */
@Tag("slow")
class BrowserTest {
  static TrackerServer server;
  static ChromeDriver driver;
  static Path profile;

  @BeforeAll
  static void start() throws Exception {
    server = Fixture.server(Fixture.seed()).build().start();
    profile = Files.createTempDirectory("tkg-chromium-");
    driver = Chromium.start(profile);
  }

  @AfterAll
  static void stop() {
    if (driver != null) {
      driver.quit();
    }
    if (server != null) {
      server.stop();
    }
  }

  static void screenshot(String name) throws Exception {
    Chromium.screenshot(driver, name);
  }

  /** Every resource the page loaded came from the server (resource timing lists them all). */
  static void assertOnlyLocalRequests() {
    List<Object> urls = Chromium.requests(driver);
    assertFalse(urls.isEmpty());
    for (Object u : urls) {
      assertTrue(u.toString().startsWith("http://127.0.0.1:" + server.port() + "/"), "requested " + u);
    }
  }

  @Test
  void landingTrackerPageAndSparql() throws Exception {
    WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20));
    driver.get(server.url());
    WebElement link = wait.until(ExpectedConditions.elementToBeClickable(By.linkText("mParticle")));
    assertOnlyLocalRequests();
    // the filter box hides what does not match (local JavaScript)
    WebElement filter = driver.findElement(By.id("tracker-filter"));
    filter.sendKeys("zzz");
    assertFalse(link.isDisplayed(), "filtered out");
    filter.clear();
    filter.sendKeys("part");
    assertTrue(link.isDisplayed());
    screenshot("landing");

    link.click();
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "mParticle"));
    assertTrue(driver.getCurrentUrl().endsWith("/doc/tracker/mparticle"));
    assertTrue(driver.getPageSource().contains("mparticle\\.com"));
    assertFalse(driver.findElements(By.cssSelector("a[href='/doc/org/airbnb']")).isEmpty());
    assertOnlyLocalRequests();
    screenshot("tracker-mparticle");

    driver.get(server.url() + "sparql");
    WebElement query = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("query")));
    query.clear();
    query.sendKeys("PREFIX tkg: <https://w3id.org/tracker-kg/ontology#> SELECT ?t ?name { ?t a tkg:Tracker ;"
        + " <http://schema.org/name> ?name }");
    driver.findElement(By.id("run")).click();
    WebElement table = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("results-table")));
    assertTrue(table.getText().contains("mParticle"), table.getText());
    assertEquals(1, table.findElements(By.cssSelector("tbody tr")).size());
    assertFalse(table.findElements(By.cssSelector("a[href='/doc/tracker/mparticle']")).isEmpty());
    assertOnlyLocalRequests();
    screenshot("sparql");
  }

  /**
   * The app report's HTML file, opened by the browser as a file: it renders the trackers found, shows a hostile
   * file name as text (no script ran, no element injected) and loads nothing at all.
   */
  @Test
  @SuppressWarnings("unchecked")
  void appReportRendersSafelyAndLoadsNothing() throws Exception {
    Path work = Files.createTempDirectory("tkg-scan-report-");
    Path apk = org.trackerkg.link.app.ScanFixture.trackerApk(work, "shop.apk");
    String evil = "<img src=x onerror=document.title='owned'>";
    Path list = Files.writeString(work.resolve(evil + ".txt"), "com.appsflyer.\"><script>document.title='owned'</script>\n");
    Path html = work.resolve("report.html");
    int code = org.trackerkg.cli.Main.commandLine(new java.io.PrintWriter(new java.io.StringWriter()),
        new java.io.PrintWriter(new java.io.StringWriter()))
        .execute("scan", "--format", "html", "-o", html.toString(), apk.toString(), list.toString());
    assertEquals(0, code);
    driver.get(html.toUri().toString());
    WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20));
    wait.until(ExpectedConditions.presenceOfElementLocated(By.tagName("h4")));
    String text = driver.findElement(By.tagName("body")).getText();
    assertTrue(text.contains("mParticle") && text.contains("AppsFlyer"), text);
    assertTrue(text.contains(evil + ".txt"), "the hostile name is shown as text");
    assertTrue(driver.findElements(By.tagName("img")).isEmpty(), "no injected element");
    assertFalse("owned".equals(driver.getTitle()), "no injected script ran");
    List<Object> loaded = (List<Object>) ((JavascriptExecutor) driver).executeScript(
        "return performance.getEntriesByType('resource').map(e => e.name);");
    assertEquals(List.of(), loaded, "the report loads nothing");
    screenshot("scan-report");
  }
}
