package dev.canarybot.slack;

import static dev.canarybot.slack.SlackProfile.OPERATOR;
import static dev.canarybot.slack.SlackProfile.OUTSIDER;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.canarybot.demo.slackapi.FakeMessage;
import dev.canarybot.release.ReleaseStatus;
import dev.canarybot.service.port.ReleaseStore;
import dev.canarybot.slack.inbound.SlackWork;
import dev.canarybot.slack.outbound.SlackOutbox;
import dev.canarybot.store.CanaryReleaseResource;
import dev.canarybot.testing.AllowsDeletes;
import dev.canarybot.testing.CrdInstaller;
import dev.canarybot.testing.Eventually;
import dev.canarybot.testing.ExampleCluster;
import dev.canarybot.testing.FakeSlack;
import dev.canarybot.testing.MutableClock;
import dev.canarybot.testing.SignedSlack;
import dev.canarybot.testing.SlackTook;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Dashboard links on the card, and Slack's click on one: signed requests through the real Bolt app. */
@QuarkusTest
@TestProfile(SlackLinksProfile.class)
@WithKubernetesTestServer(crud = true, setup = AllowsDeletes.class)
class SlackLinksTest {
  static final String NS = "default";
  static final String CHANNEL = FakeSlack.CHANNEL;
  static final ObjectMapper JSON = new ObjectMapper();

  @TestHTTPResource("/slack/events") URI events;
  @Inject KubernetesClient client;
  @Inject ReleaseStore store;
  @Inject SlackWork work;
  @Inject SlackOutbox outbox;
  @Inject MutableClock clock;

  SignedSlack slack;
  ExampleCluster cluster;

  @BeforeEach
  void fresh() {
    clock.followSystemTime();
    Eventually.await("idle Slack work", () -> work.idle() && outbox.pending() == 0, idle -> idle);
    FakeSlack.api().reset();
    CrdInstaller.install(client);
    client.resources(CanaryReleaseResource.class).inNamespace(NS).delete();
    cluster = new ExampleCluster(client).reset();
    slack = new SignedSlack(events, FakeSlack.SECRET, FakeSlack.api());
  }

  @AfterEach
  void everyPayloadWasOneSlackTakes() {
    Eventually.await("idle Slack work", () -> work.idle() && outbox.pending() == 0, idle -> idle);
    SlackTook.everyBlock(FakeSlack.api());
  }

  FakeMessage card(String expected) {
    return Eventually.await("a card showing " + expected,
        () -> FakeSlack.api().channel(CHANNEL).stream()
            .filter(m -> m.threadTs() == null && m.text().startsWith("Canary api-vs"))
            .reduce((a, b) -> b).orElseThrow(),
        m -> m.text().contains(expected));
  }

  /** "action_id url" of each button in the card's links row. */
  static List<String> links(FakeMessage card) throws Exception {
    List<String> out = new ArrayList<>();
    for (JsonNode block : JSON.readTree(card.blocks())) {
      if ("canary_links".equals(block.path("block_id").asText())) {
        block.path("elements").forEach(e -> out.add(e.path("action_id").asText() + " " + e.path("url").asText()));
      }
    }
    return out;
  }

  @Test
  void theCardCarriesTheLinksAndAClickOnOneIsAcknowledgedAndChangesNothing() throws Exception {
    slack.command(OPERATOR, CHANNEL, "start api-vs");
    FakeMessage card = card("v2 10 %");
    ReleaseStatus started = store.find(NS, "api-vs").orElseThrow().release().status();
    long since = started.stepStartedAt().toEpochMilli();
    assertThat(links(card)).containsExactly(
        "canary_link_grafana https://grafana.example/d/LJ_uJAvmk/istio-service-dashboard"
            + "?var-service=api-service.default.svc.cluster.local&from=" + since + "&to=now",
        "canary_link_kiali https://kiali.example/kiali/console/namespaces/default/workloads/api-v2?tab=info");
    Eventually.await("the start's Slack work done", () -> work.idle() && outbox.pending() == 0, idle -> idle);
    int responsesBefore = FakeSlack.api().calls("response_url").size();

    // Anyone who sees the card may open a dashboard: an outsider's click is no refusal either.
    SignedSlack.Answer ack = slack.linkClick(OUTSIDER, CHANNEL, card.ts(), "canary_links", "canary_link_grafana");

    assertThat(ack.status()).isEqualTo(200);
    Eventually.await("idle Slack work", () -> work.idle() && outbox.pending() == 0, idle -> idle);
    assertThat(FakeSlack.api().calls("response_url")).hasSize(responsesBefore);
    assertThat(FakeSlack.api().ephemerals()).noneMatch(e -> e.user().equals(OUTSIDER));
    ReleaseStatus after = store.find(NS, "api-vs").orElseThrow().release().status();
    assertThat(after.phase()).isEqualTo(started.phase());
    assertThat(after.weight()).isEqualTo(10);
    assertThat(after.history()).isEqualTo(started.history());
    assertThat(cluster.virtualService("api-vs").at("/spec/http/0/route/1/weight").asInt()).isEqualTo(10);
  }

  @Test
  void aClickOnAButtonTheBotNeverDrewIsStillNotTakenForALink() {
    // Only the links' own prefix is acknowledged silently; other unknown action ids are not ours.
    SignedSlack.Answer ack = slack.linkClick(OUTSIDER, CHANNEL, "1.2", "canary_links", "canary_linkgrafana");
    assertThat(ack.status()).isNotEqualTo(200);
  }
}
