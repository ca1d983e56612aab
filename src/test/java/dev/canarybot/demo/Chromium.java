package dev.canarybot.demo;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless Chromium through Debian's chromedriver, both at fixed paths so Selenium
 * Manager never downloads a browser. A missing browser fails the test: a demo nobody saw work
 * in a browser is not tested.
 */
final class Chromium {
  static final Path BROWSER = Path.of(System.getProperty("demo.chromium", "/usr/bin/chromium"));
  static final Path DRIVER = Path.of(System.getProperty("demo.chromedriver", "/usr/bin/chromedriver"));

  private Chromium() {}

  static ChromeDriver start() {
    if (!Files.isExecutable(BROWSER) || !Files.isExecutable(DRIVER)) {
      fail("Chromium is needed for the demo's browser test but " + (Files.isExecutable(BROWSER) ? DRIVER : BROWSER)
          + " is missing. Install it with: bash .ci/chromium.sh (apt-get install -y chromium chromium-driver)");
    }
    Path profile;
    try {
      profile = Files.createTempDirectory("demo-chromium-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary(BROWSER.toFile());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
        "--window-size=1400,1000", "--user-data-dir=" + profile);
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(DRIVER.toFile()).usingAnyFreePort().build();
    ChromeDriver driver = new ChromeDriver(service, options);
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    return driver;
  }
}
