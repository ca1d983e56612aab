package dev.canarybot.cluster;

import static dev.canarybot.slack.SlackProfile.OPERATOR;
import static org.assertj.core.api.Assertions.assertThat;

import dev.canarybot.service.port.ReleaseStore;
import dev.canarybot.slack.SlackProfile;
import dev.canarybot.slack.inbound.SlackWork;
import dev.canarybot.slack.outbound.SlackOutbox;
import dev.canarybot.store.CanaryReleaseResource;
import dev.canarybot.testing.AllowsDeletes;
import dev.canarybot.testing.BotMetrics;
import dev.canarybot.testing.CrdInstaller;
import dev.canarybot.testing.Eventually;
import dev.canarybot.testing.ExampleCluster;
import dev.canarybot.testing.FakeSlack;
import dev.canarybot.testing.MutableClock;
import dev.canarybot.testing.SignedSlack;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code /q/metrics} counts what a start from Slack cost: the Kubernetes requests by verb and
 * resource, the Slack calls by method, and it exports the Prometheus query counter. Same
 * profile and test server as SlackFlowTest, so the suite starts the app once for both.
 */
@QuarkusTest
@TestProfile(SlackProfile.class)
@WithKubernetesTestServer(crud = true, setup = AllowsDeletes.class)
class BotMetricsEndpointTest {
  static final String REQUESTS = "canary_kubernetes_requests_total";

  @TestHTTPResource("/slack/events") URI events;
  @TestHTTPResource("/q/metrics") URI metrics;
  @Inject KubernetesClient client;
  @Inject ReleaseStore store;
  @Inject SlackWork work;
  @Inject SlackOutbox outbox;
  @Inject MutableClock clock;

  @BeforeEach
  void fresh() {
    clock.followSystemTime();
    Eventually.await("idle Slack work", () -> work.idle() && outbox.pending() == 0, idle -> idle);
    FakeSlack.api().reset();
    CrdInstaller.install(client);
    client.resources(CanaryReleaseResource.class).inNamespace("default").delete();
    new ExampleCluster(client).reset();
  }

  @Test
  void aStartIsCountedByVerbResourceAndSlackMethod() {
    BotMetrics before = BotMetrics.scrape(metrics);
    SignedSlack slack = new SignedSlack(events, FakeSlack.SECRET, FakeSlack.api());
    assertThat(slack.command(OPERATOR, FakeSlack.CHANNEL, "start api-vs").status()).isEqualTo(200);
    Eventually.await("the start's card", () -> FakeSlack.api().channel(FakeSlack.CHANNEL).stream()
        .anyMatch(m -> m.text().startsWith("Canary api-vs")), posted -> posted);
    Eventually.await("idle Slack work", () -> work.idle() && outbox.pending() == 0, idle -> idle);
    assertThat(store.listAll()).hasSize(1);

    BotMetrics after = BotMetrics.scrape(metrics);
    Map<String, String> listReleases = Map.of("verb", "list", "resource", "canaryreleases", "outcome", "ok");
    assertThat(after.sum(REQUESTS, listReleases)).isGreaterThanOrEqualTo(before.sum(REQUESTS, listReleases) + 1);
    Map<String, String> createRelease = Map.of("verb", "create", "resource", "canaryreleases", "outcome", "ok");
    assertThat(after.sum(REQUESTS, createRelease)).isEqualTo(before.sum(REQUESTS, createRelease) + 1);
    Map<String, String> readRoute = Map.of("verb", "get", "resource", "virtualservices");
    assertThat(after.sum(REQUESTS, readRoute)).isGreaterThan(before.sum(REQUESTS, readRoute));

    Map<String, String> cardPosted = Map.of("method", "chat.postMessage", "outcome", "ok");
    assertThat(after.sum("canary_slack_calls_total", cardPosted))
        .isGreaterThanOrEqualTo(before.sum("canary_slack_calls_total", cardPosted) + 1);
    assertThat(after.has("canary_prometheus_queries_total")).isTrue();
    assertThat(after.has("canary_prometheus_queries_last_tick")).isTrue();
  }
}
