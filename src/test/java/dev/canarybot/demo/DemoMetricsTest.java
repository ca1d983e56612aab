package dev.canarybot.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canarybot.testing.BotMetrics;
import dev.canarybot.testing.Eventually;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * In the demo the bot's client talks to the embedded API and is counted like any other; the
 * demo's deployment controller, which plays the cluster's part, has a client of its own whose
 * watches are not the bot's cost and are not counted. Reads only, like DemoGuardTest.
 */
@QuarkusTest
@TestProfile(DemoProfile.class)
class DemoMetricsTest {
  static final String REQUESTS = "canary_kubernetes_requests_total";
  final URI metrics = URI.create("http://127.0.0.1:" + DemoProfile.HTTP_PORT + "/q/metrics");

  @Test
  void theBotsRequestsToTheDemoApiAreCountedAndTheControllersAreNot() {
    // The demo's resync (every 5 s) lists the CanaryReleases through the bot's client.
    BotMetrics scraped = Eventually.await("a counted list of CanaryReleases", () -> BotMetrics.scrape(metrics),
        m -> m.sum(REQUESTS, Map.of("verb", "list", "resource", "canaryreleases", "outcome", "ok")) >= 1);
    assertThat(scraped.series(REQUESTS, Map.of("verb", "watch", "resource", "pods"))).isEmpty();
    assertThat(scraped.series(REQUESTS, Map.of("verb", "watch", "resource", "deployments"))).isEmpty();
  }
}
