package dev.canarybot.slack;

import static dev.canarybot.slack.SlackProfile.APPROVER;
import static dev.canarybot.slack.SlackProfile.OPERATOR;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.canarybot.demo.slackapi.FakeEphemeral;
import dev.canarybot.demo.slackapi.FakeMessage;
import dev.canarybot.release.Action;
import dev.canarybot.release.CanaryRelease;
import dev.canarybot.release.Phase;
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
import io.fabric8.kubernetes.api.model.ConfigMap;
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

/** Stopping the line from Slack: signed commands and clicks through the real Bolt app. */
@QuarkusTest
@TestProfile(SlackProfile.class)
@WithKubernetesTestServer(crud = true, setup = AllowsDeletes.class)
class SlackFreezeFlowTest {
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
    noFreeze();
    cluster = new ExampleCluster(client).reset();
    slack = new SignedSlack(events, FakeSlack.SECRET, FakeSlack.api());
  }

  @AfterEach
  void everyPayloadWasOneSlackTakes() {
    Eventually.await("idle Slack work", () -> work.idle() && outbox.pending() == 0, idle -> idle);
    SlackTook.everyBlock(FakeSlack.api());
    // The other Slack tests share this app and its cluster: no freeze may outlive the test.
    noFreeze();
  }

  void noFreeze() {
    client.configMaps().inNamespace("canary-bot").withName("canary-bot-freeze").delete();
  }

  CanaryRelease release() {
    return store.find(NS, "api-vs").orElseThrow().release();
  }

  String routeWeights() {
    JsonNode route = cluster.virtualService("api-vs").at("/spec/http/0/route");
    List<String> weights = new ArrayList<>();
    route.forEach(d -> weights.add(d.at("/destination/subset").asText() + "=" + d.path("weight").asInt()));
    return String.join(",", weights);
  }

  FakeMessage card(String expected) {
    return Eventually.await("a card showing " + expected,
        () -> FakeSlack.api().channel(CHANNEL).stream()
            .filter(m -> m.threadTs() == null && m.text().startsWith("Canary api-vs"))
            .reduce((a, b) -> b).orElseThrow(),
        m -> m.text().contains(expected));
  }

  static String button(FakeMessage card, String actionId) throws Exception {
    for (JsonNode block : JSON.readTree(card.blocks())) {
      for (JsonNode element : block.path("elements")) {
        if (actionId.equals(element.path("action_id").asText())) {
          return element.path("value").asText();
        }
      }
    }
    throw new AssertionError("no " + actionId + " button on " + card.blocks());
  }

  FakeEphemeral ephemeralTo(String user, String containing) {
    return Eventually.await("an ephemeral to " + user + " saying " + containing,
        () -> FakeSlack.api().ephemerals().stream()
            .filter(e -> e.user().equals(user) && e.text().contains(containing))
            .findFirst().orElseThrow(), e -> true);
  }

  /** The text of the card's freeze banner, or null when it has none. */
  static String banner(FakeMessage card) {
    JsonNode blocks;
    try {
      blocks = JSON.readTree(card.blocks());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    for (JsonNode block : blocks) {
      if ("canary_freeze".equals(block.path("block_id").asText())) {
        return block.at("/elements/0/text").asText();
      }
    }
    return null;
  }

  List<FakeMessage> announcements(String containing) {
    return FakeSlack.api().channel(CHANNEL).stream()
        .filter(m -> m.threadTs() == null && m.text().contains(containing)).toList();
  }

  @Test
  void aFreezeRefusesStartAndPromoteOnEveryPathAndUnfreezeResumesWhatItPaused() throws Exception {
    slack.command(OPERATOR, CHANNEL, "start api-vs");
    FakeMessage card = card("v2 10 %, Progressing");
    String promoteAt10 = button(card, "canary_promote");

    // An operator may stop the line; the reason is a person's text and is shown escaped.
    slack.command(OPERATOR, CHANNEL, "freeze incident 4711 <!here>");
    ephemeralTo(OPERATOR, "Frozen every managed namespace");
    FakeMessage paused = card(", Paused)");
    assertThat(banner(paused)).startsWith(":ice_cube: *Frozen* — frozen by <@U0OPERATOR> at ")
        .endsWith(" UTC: incident 4711 &lt;!here&gt; — `/canary unfreeze` (approvers) lifts it");
    Eventually.await("the freeze announced", () -> announcements("*Releases frozen*"), l -> l.size() == 1);
    assertThat(announcements("*Releases frozen*").get(0).text())
        .contains("in every managed namespace", "incident 4711 &lt;!here&gt;", "Paused: default/api-vs")
        .doesNotContain("<!here>");
    assertThat(release().status().last().reason()).isEqualTo("frozen: every managed namespace — incident 4711 <!here>");

    // The button drawn before the freeze, the command, and --force: all refused with who, when, why.
    slack.click(APPROVER, CHANNEL, card.ts(), "canary_promote", promoteAt10);
    slack.command(APPROVER, CHANNEL, "promote api-vs");
    slack.command(APPROVER, CHANNEL, "promote api-vs --force");
    Eventually.await("three refusals", () -> FakeSlack.api().ephemerals().stream()
        .filter(e -> e.user().equals(APPROVER) && e.text().contains("cannot promote api-vs: frozen by <@U0OPERATOR> at ")
            && e.text().contains("incident 4711 &lt;!here&gt; — `/canary unfreeze` (approvers) lifts it; nothing was changed"))
        .count(), n -> n == 3);
    slack.command(OPERATOR, CHANNEL, "start api-vs");
    assertThat(ephemeralTo(OPERATOR, "cannot start api-vs: frozen by").text()).contains("nothing was changed");
    slack.command(APPROVER, CHANNEL, "cleanup api-vs --force");
    ephemeralTo(APPROVER, "cannot cleanup api-vs: frozen by");
    assertThat(routeWeights()).isEqualTo("v1=90,v2=10");

    // status lists the freeze; only approvers lift it
    slack.command(OPERATOR, CHANNEL, "status");
    ephemeralTo(OPERATOR, ":ice_cube: frozen by <@U0OPERATOR>");
    slack.command(OPERATOR, CHANNEL, "unfreeze");
    ephemeralTo(OPERATOR, "only approvers may do that");
    assertThat(release().phase()).isEqualTo(Phase.Paused);

    // In the cluster, visible with kubectl, with its history.
    ConfigMap stored = client.configMaps().inNamespace("canary-bot").withName("canary-bot-freeze").get();
    assertThat(stored.getData().get("summary")).startsWith("frozen by <@U0OPERATOR> at ");

    slack.command(APPROVER, CHANNEL, "unfreeze");
    ephemeralTo(APPROVER, "Unfrozen every managed namespace. The resumed releases: default/api-vs");
    FakeMessage resumed = card(", Progressing)");
    assertThat(banner(resumed)).isNull();
    assertThat(release().status().last().action()).isEqualTo(Action.RESUME);
    Eventually.await("the unfreeze announced", () -> announcements("*Releases unfrozen*"), l -> l.size() == 1);
    assertThat(client.configMaps().inNamespace("canary-bot").withName("canary-bot-freeze").get()
        .getData().get("history")).contains("\"action\":\"freeze\"", "\"action\":\"unfreeze\"", "\"actor\":\"<@U0APPROVER>\"");

    slack.click(APPROVER, CHANNEL, card.ts(), "canary_promote", button(resumed, "canary_promote"));
    card("v2 50 %");
    assertThat(routeWeights()).isEqualTo("v1=50,v2=50");
  }

  @Test
  void aPersonsPauseOutlivesTheFreezeAndRollbackWorksWhileFrozen() throws Exception {
    slack.command(OPERATOR, CHANNEL, "start api-vs");
    FakeMessage card = card("v2 10 %, Progressing");
    slack.command(OPERATOR, CHANNEL, "pause api-vs");
    card(", Paused)");

    slack.command(APPROVER, CHANNEL, "freeze -n default db failover");
    ephemeralTo(APPROVER, "Frozen namespace default. No release was paused");
    // the card of a release the freeze did not touch still gets the banner
    Eventually.await("the banner on the paused card", () -> banner(card(", Paused)")),
        b -> b != null && b.contains("`/canary unfreeze -n default`"));
    slack.command(APPROVER, CHANNEL, "unfreeze -n default");
    ephemeralTo(APPROVER, "Unfrozen namespace default. No release was resumed");
    assertThat(release().phase()).isEqualTo(Phase.Paused);
    assertThat(release().status().last().actor()).isEqualTo("<@U0OPERATOR>");

    slack.command(APPROVER, CHANNEL, "freeze");
    ephemeralTo(APPROVER, "Frozen every managed namespace");
    slack.click(OPERATOR, CHANNEL, card.ts(), "canary_rollback", button(card(", Paused)"), "canary_rollback"));
    card("RolledBack");
    assertThat(routeWeights()).isEqualTo("v1=100,v2=0");
  }
}
