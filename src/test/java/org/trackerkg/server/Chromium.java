package org.trackerkg.server;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless Chromium for the browser tests (TKG_CHROMIUM, TKG_CHROMEDRIVER): never a downloaded browser or
 * driver, every host but 127.0.0.1 unresolvable, the console kept for the tests to read.
 */
final class Chromium {
  private Chromium() {}

  static ChromeDriver start(Path profile) {
    String chromium = System.getenv().getOrDefault("TKG_CHROMIUM", "/usr/bin/chromium");
    String chromedriver = System.getenv().getOrDefault("TKG_CHROMEDRIVER", "/usr/bin/chromedriver");
    Assumptions.assumeTrue(Files.isExecutable(Path.of(chromium)),
        "chromium not found at " + chromium + ": browser test skipped");
    Assumptions.assumeTrue(Files.isExecutable(Path.of(chromedriver)),
        "chromedriver not found at " + chromedriver + ": browser test skipped");
    // never let Selenium Manager download a browser or a driver
    System.setProperty("webdriver.chrome.driver", chromedriver);
    System.setProperty("SE_MANAGER_PATH", chromedriver);
    ChromeOptions options = new ChromeOptions();
    options.setBinary(chromium);
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
        "--disable-default-apps", "--disable-extensions", "--user-data-dir=" + profile,
        "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1", "--window-size=1280,1600");
    options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(new File(chromedriver)).usingAnyFreePort().build();
    ChromeDriver driver = new ChromeDriver(service, options);
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    return driver;
  }

  static void screenshot(ChromeDriver driver, String name) throws Exception {
    Path dir = Path.of("target", "screenshots");
    Files.createDirectories(dir);
    File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
    Files.copy(shot.toPath(), dir.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
  }

  /** Every resource the page loaded, the page itself included (resource timing lists them all). */
  @SuppressWarnings("unchecked")
  static List<Object> requests(ChromeDriver driver) {
    return (List<Object>) ((JavascriptExecutor) driver).executeScript(
        "return performance.getEntriesByType('resource').map(e => e.name)"
            + ".concat([performance.getEntriesByType('navigation')[0].name]);");
  }
}
