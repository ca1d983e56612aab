package dev.canarybot.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.canarybot.testing.MutableClock;
import dev.canarybot.testing.SlackTook;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The README's story in a real browser against the demo: start from the command box, promote
 * with the card's button and its confirm dialog, break v2 with the traffic knob, and watch the
 * bot's alert and its automatic rollback, on the page and in the Kubernetes API.
 */
@QuarkusTest
@TestProfile(DemoProfile.class)
class DemoBrowserTest {
  static final Path SHOTS = Path.of("target", "demo-screenshots");
  static final By CARD = By.xpath("//div[contains(@class,'message') and not(contains(@class,'reply'))]"
      + "[.//div[contains(@class,'bk-header') and contains(., 'Canary api-vs')]]");
  static final ObjectMapper JSON = new ObjectMapper();

  @TestHTTPResource("/demo") URI page;
  @Inject MutableClock clock;
  @Inject DemoToken token;
  @Inject DemoSlack slack;
  ChromeDriver browser;
  long started;

  @BeforeEach
  void open() throws Exception {
    Files.createDirectories(SHOTS);
    // Screenshots of an earlier run must not pass for this one's.
    try (var old = Files.list(SHOTS)) {
      for (Path shot : old.toList()) {
        Files.delete(shot);
      }
    }
    // Slack signs with the wall clock and Bolt refuses requests over five minutes old; the
    // simulator and the observation times run on it too.
    clock.followSystemTime();
    browser = Chromium.start();
  }

  @AfterEach
  void close() {
    if (browser != null) {
      browser.quit();
    }
    SlackTook.everyBlock(slack.api());
  }

  @Test
  void startPromoteBreakAndWatchTheAutomaticRollback() throws Exception {
    started = System.nanoTime();
    // The URL the demo prints at start: the page sends its token on every call it makes.
    browser.get(page + "?token=" + token.value());
    waitFor("the user switcher", Duration.ofSeconds(15), () -> new Select(browser.findElement(By.id("user"))).getOptions().size() == 3);

    WebElement command = browser.findElement(By.id("command"));
    command.sendKeys("/canary start api-vs", Keys.ENTER);
    waitFor("the card at 10 %", Duration.ofSeconds(20), () -> canaryField().contains("10 %"));
    assertThat(text(By.id("weights"))).isEqualTo("v1 90 % / v2 10 %");
    // The card is posted before the reply replaces the "⏳" placeholder: wait for the reply itself.
    waitFor("the operator's own reply", Duration.ofSeconds(20), () -> ephemerals().contains("Started api-vs"));
    // The demo is a meshed cluster that has finished its rollouts: the checks before the start pass.
    assertThat(ephemerals()).as("the checks before the start")
        .contains("ok: Deployment api-v2.default runs subset v2 and has finished rolling out", "are in the mesh")
        .doesNotContain("refused:");
    shot("01-card-at-10");

    // Promotion is an approver's call, once the bot says the gates pass: the card's analysis
    // line says so when a summary redraws it (every minute in the demo).
    new Select(browser.findElement(By.id("user"))).selectByValue("U0APPROVER");
    waitFor("the card saying the gates pass", Duration.ofSeconds(180),
        () -> shown(browser.findElement(CARD)).contains("gates pass"));
    promote();
    waitFor("the card at 50 %", Duration.ofSeconds(15), () -> canaryField().endsWith("50 %"));
    assertThat(liveWeights()).containsEntry("v1", 50).containsEntry("v2", 50);
    // Capacity before traffic: api-v2 (1 replica) was scaled to 2 for 50 % of api-v1's 3, and the
    // card said so while the route still carried 10 %, before it showed the new weights.
    List<String> cardDraws = slack.api().calls("chat.update").stream().map(c -> c.param("blocks"))
        .filter(b -> b != null && b.contains("Canary api-vs")).toList();
    int scaling = indexOf(cardDraws, b -> b.contains("scaling api-v2 to 2 replicas") && b.contains("once scaled"));
    int moved = indexOf(cardDraws, b -> b.contains("*50 %*") && !b.contains("once scaled"));
    assertThat(scaling).as("a card draw with the scaling line").isNotNegative();
    assertThat(moved).as("a card draw at 50 %% after it").isGreaterThan(scaling);
    waitFor("the page's live split", Duration.ofSeconds(10), () -> text(By.id("weights")).equals("v1 50 % / v2 50 %"));
    shot("03-card-at-50");
    long promotedAt = System.nanoTime();

    new Select(browser.findElement(By.id("tv-version"))).selectByValue("v2");
    WebElement errors = browser.findElement(By.id("tv-error"));
    errors.clear();
    errors.sendKeys("5");
    browser.findElement(By.id("tv-apply")).click();
    waitFor("v2's error rate on the page", Duration.ofSeconds(10), () -> text(By.id("traffic")).contains("v2: 5.0 % errors"));

    waitFor("the breach alert", Duration.ofSeconds(60), () -> alertText().contains("Breach"));
    assertThat(alertText()).contains("api-vs").contains("Rolled back automatically");
    waitFor("the card rolled back", Duration.ofSeconds(20), () -> canaryField().endsWith("\n0 %")
        && shown(browser.findElement(CARD).findElement(By.className("bk-header"))).contains("RolledBack"));
    assertThat(liveWeights()).containsEntry("v1", 100).containsEntry("v2", 0);
    waitFor("the page's live split", Duration.ofSeconds(10), () -> text(By.id("weights")).equals("v1 100 % / v2 0 %"));
    shot("04-breach-and-rollback");

    // Stop the line from the page (the approver may): the channel hears it once, and a start is
    // refused with who, when and why until it is lifted. (The banner on active cards is
    // SlackFreezeFlowTest's; this card's release has ended, so nothing redraws it.)
    WebElement box = browser.findElement(By.id("command"));
    box.sendKeys("/canary freeze game day", Keys.ENTER);
    waitFor("the freeze announced", Duration.ofSeconds(20), () -> alertText().contains("Releases frozen"));
    box.sendKeys("/canary start api-vs", Keys.ENTER);
    waitFor("the start refused", Duration.ofSeconds(20),
        () -> ephemerals().contains("cannot start api-vs: frozen by") && ephemerals().contains("game day"));
    assertThat(liveWeights()).as("nothing written").containsEntry("v1", 100).containsEntry("v2", 0);
    shot("05-frozen");
    box.sendKeys("/canary unfreeze", Keys.ENTER);
    waitFor("the freeze lifted", Duration.ofSeconds(20), () -> alertText().contains("Releases unfrozen"));
    box.sendKeys("/canary start api-vs", Keys.ENTER);
    waitFor("a start after the freeze", Duration.ofSeconds(20), () -> liveWeights().getOrDefault("v2", 0) == 10);
    System.out.printf("demo story: page opened to automatic rollback %d s, of which %d s from the promotion to 50 %%%n",
        Duration.ofNanos(System.nanoTime() - started).toSeconds(), Duration.ofNanos(System.nanoTime() - promotedAt).toSeconds());
  }

  static int indexOf(List<String> draws, java.util.function.Predicate<String> what) {
    for (int i = 0; i < draws.size(); i++) {
      if (what.test(draws.get(i))) {
        return i;
      }
    }
    return -1;
  }

  /** Clicks Promote, confirms, and expects the route to move: the card said the gates pass. */
  void promote() {
    browser.findElement(CARD).findElement(By.cssSelector("button[data-action-id='canary_promote']")).click();
    waitFor("the confirm dialog", Duration.ofSeconds(5), () -> browser.findElement(By.id("confirm")).isDisplayed());
    assertThat(text(By.id("confirm-title"))).isEqualTo("Promote api-vs?");
    shot("02-promote-confirm");
    browser.findElement(By.id("confirm-yes")).click();
    waitFor("an answer to Promote", Duration.ofSeconds(15), () -> liveWeights().getOrDefault("v2", 0) == 50
        || ephemerals().contains("cannot promote"));
    assertThat(ephemerals()).as("the approver's replies").doesNotContain("cannot promote");
  }

  String canaryField() {
    for (WebElement field : browser.findElement(CARD).findElements(By.cssSelector(".bk-fields > div"))) {
      if (shown(field).startsWith("Canary")) {
        return shown(field);
      }
    }
    return "";
  }

  /** The element's text as drawn, also when the channel has scrolled it out of view. */
  static String shown(WebElement element) {
    String text = element.getDomProperty("innerText");
    return text == null ? "" : text.trim();
  }

  String alertText() {
    StringBuilder all = new StringBuilder();
    for (WebElement m : browser.findElements(By.cssSelector("#messages > .message"))) {
      if (m.findElements(By.className("bk-header")).isEmpty()) {
        all.append(shown(m)).append('\n');
      }
    }
    return all.toString();
  }

  String ephemerals() {
    StringBuilder all = new StringBuilder();
    browser.findElements(By.className("ephemeral")).forEach(e -> all.append(shown(e)).append('\n'));
    return all.toString();
  }

  String text(By by) {
    return browser.findElement(by).getText().trim();
  }

  /** api-vs's weights as the demo's Kubernetes API serves them over plain HTTP. */
  static Map<String, Integer> liveWeights() {
    URI vs = URI.create("http://127.0.0.1:" + DemoProfile.KUBERNETES_PORT
        + "/apis/networking.istio.io/v1beta1/namespaces/default/virtualservices/api-vs");
    try {
      HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(vs).build(),
          HttpResponse.BodyHandlers.ofString());
      Map<String, Integer> weights = new LinkedHashMap<>();
      for (JsonNode d : JSON.readTree(r.body()).at("/spec/http/0/route")) {
        weights.put(d.at("/destination/subset").asText(), d.path("weight").asInt());
      }
      return weights;
    } catch (Exception e) {
      throw new IllegalStateException("GET " + vs + " failed", e);
    }
  }

  void shot(String name) {
    try {
      Path file = SHOTS.resolve(name + ".png");
      Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), file, StandardCopyOption.REPLACE_EXISTING);
    } catch (Exception e) {
      throw new IllegalStateException("screenshot " + name, e);
    }
  }

  void waitFor(String what, Duration timeout, java.util.function.BooleanSupplier condition) {
    try {
      new WebDriverWait(browser, timeout, Duration.ofMillis(250)).ignoring(RuntimeException.class)
          .until(d -> condition.getAsBoolean());
    } catch (org.openqa.selenium.TimeoutException e) {
      shot("timeout-" + what.replaceAll("[^a-zA-Z0-9]+", "-"));
      throw new AssertionError("gave up waiting " + timeout.toSeconds() + " s for " + what
          + "; the page shows:\n" + browser.findElement(By.tagName("body")).getText(), e);
    }
  }
}
