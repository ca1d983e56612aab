package dev.canarybot.slack;

import static dev.canarybot.slack.SlackProfile.OPERATOR;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.canarybot.demo.slackapi.FakeMessage;
import dev.canarybot.release.CanaryRelease;
import dev.canarybot.release.Phase;
import dev.canarybot.service.port.ReleaseStore;
import dev.canarybot.service.port.StoredRelease;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Testers first, from Slack: signed requests through the real Bolt app, the CRUD API server behind. */
@QuarkusTest
@TestProfile(SlackProfile.class)
@WithKubernetesTestServer(crud = true, setup = AllowsDeletes.class)
class SlackTestersFlowTest {
  static final String NS = "default";
  static final String CHANNEL = FakeSlack.CHANNEL;
  static final String TESTERS = "canary-bot-testers-api-vs";

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

  JsonNode http() {
    return cluster.virtualService("api-vs").path("spec").path("http");
  }

  /** The VirtualService's spec with every weight taken out: what a release must leave as it was. */
  ObjectNode specWithoutWeights() {
    ObjectNode spec = cluster.virtualService("api-vs").path("spec").deepCopy();
    spec.path("http").forEach(route -> route.path("route").forEach(d -> ((ObjectNode) d).remove("weight")));
    return spec;
  }

  FakeMessage card(String expected) {
    return Eventually.await("a card showing " + expected,
        () -> FakeSlack.api().channel(CHANNEL).stream()
            .filter(m -> m.threadTs() == null && m.text().startsWith("Canary api-vs"))
            .reduce((a, b) -> b).orElseThrow(),
        // Gson writes ' and = as \\u escapes; read them back to see what Slack shows.
        m -> (m.text() + m.blocks().replace("\\u0027", "'").replace("\\u003d", "=")).contains(expected));
  }

  CanaryRelease release() {
    return store.find(NS, "api-vs").map(StoredRelease::release).orElseThrow();
  }

  static JsonNode yaml(String text) throws Exception {
    return new YAMLMapper().readTree(text);
  }

  @Test
  void startWithTestersPutsTheirRouteBeforeTheWeightedOneAndRollbackTakesItAway() throws Exception {
    ObjectNode before = specWithoutWeights();

    assertThat(slack.command(OPERATOR, CHANNEL, "start api-vs --testers x-canary=always").status()).isEqualTo(200);

    FakeMessage card = card("curl -H 'x-canary: always' http://api.example.com/api/v1");
    assertThat(card.text()).contains("v1 90 % / v2 10 %");
    JsonNode http = http();
    assertThat(http.size()).isEqualTo(2);
    assertThat(http.get(0)).isEqualTo(yaml("""
        name: canary-bot-testers-api-vs
        match: [{uri: {prefix: /api/v1}, headers: {x-canary: {exact: always}}}]
        route:
        - destination: {host: api-service, subset: v2, port: {number: 80}}
        timeout: 10s
        retries: {attempts: 3, perTryTimeout: 2s, retryOn: 5xx}
        """));
    assertThat(http.get(1).path("name").asText()).isEqualTo("primary");
    assertThat(http.at("/1/route/0/weight").asInt()).isEqualTo(90);
    assertThat(http.at("/1/route/1/weight").asInt()).isEqualTo(10);
    assertThat(release().testers().describe()).isEqualTo("x-canary=always");
    assertThat(release().status().addedRoutes()).singleElement()
        .satisfies(a -> assertThat(a.name()).isEqualTo(TESTERS));

    slack.command(OPERATOR, CHANNEL, "rollback api-vs testers saw errors");

    Eventually.await("the testers' route gone", () -> release(),
        r -> r.phase() == Phase.RolledBack && r.status().addedRoutes().isEmpty());
    assertThat(http().size()).isEqualTo(1);
    assertThat(http().at("/0/route/0/weight").asInt()).isEqualTo(100);
    assertThat(http().at("/0/route/1/weight").asInt()).isEqualTo(0);
    assertThat(specWithoutWeights()).isEqualTo(before);
  }

  @Test
  void testersAddedAndRemovedByCommandLeaveTheVirtualServiceAsItWas() throws Exception {
    slack.command(OPERATOR, CHANNEL, "start api-vs");
    card("v1 90 % / v2 10 %");
    JsonNode started = cluster.virtualService("api-vs").path("spec").deepCopy();

    slack.command(OPERATOR, CHANNEL, "testers api-vs add x-user~^(alice|bob)$");
    Eventually.await("the testers' route", () -> http().path(0).path("name").asText(), TESTERS::equals);
    assertThat(http().at("/0/match/0/headers/x-user/regex").asText()).isEqualTo("^(alice|bob)$");
    Eventually.await("the operator told", () -> FakeSlack.api().ephemerals().stream()
        .filter(e -> e.user().equals(OPERATOR) && e.text().contains("testers with x-user~^(alice|bob)$ reach v2"))
        .findFirst().orElseThrow(), e -> true);

    slack.command(OPERATOR, CHANNEL, "testers api-vs remove");
    Eventually.await("the testers' route removed", () -> release().status().addedRoutes(), list -> list.isEmpty());
    assertThat(cluster.virtualService("api-vs").path("spec")).isEqualTo(started);
  }

  @Test
  void aHandEditedTestersRouteIsDriftAndPausesTheRelease() {
    slack.command(OPERATOR, CHANNEL, "start api-vs --testers x-canary=always");
    Eventually.await("the testers' route", () -> release().status().addedRoutes(), list -> !list.isEmpty());

    ObjectNode vs = cluster.virtualService("api-vs");
    ((ObjectNode) vs.at("/spec/http/0/match/0/headers/x-canary")).put("exact", "everyone");
    cluster.replaceVirtualService(vs);
    slack.command(OPERATOR, CHANNEL, "testers api-vs add x-canary=yes");

    CanaryRelease paused = Eventually.await("paused for drift", this::release, r -> r.phase() == Phase.Paused);
    assertThat(paused.status().last().reason()).contains(TESTERS + " was changed outside canary-bot")
        .contains("paused, nothing overwritten");
    assertThat(cluster.virtualService("api-vs").at("/spec/http/0/match/0/headers/x-canary/exact").asText())
        .isEqualTo("everyone");
  }

  @Test
  void aMalformedConditionIsRefusedWithTheRightForm() {
    SignedSlack.Answer ack = slack.command(OPERATOR, CHANNEL, "start api-vs --testers X-Canary:always");

    assertThat(ack.body().replace("\\u003d", "=")).contains("Bad `--testers`").contains("x-canary=always");
    assertThat(store.find(NS, "api-vs")).isEmpty();
  }
}
