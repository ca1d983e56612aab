package dev.canarybot.slack;

import static dev.canarybot.slack.SlackProfile.APPROVER;
import static dev.canarybot.slack.SlackProfile.OPERATOR;
import static dev.canarybot.slack.SlackProfile.OUTSIDER;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.canarybot.demo.slackapi.FakeEphemeral;
import dev.canarybot.demo.slackapi.FakeMessage;
import dev.canarybot.demo.slackapi.ForcedFailures;
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

/** The whole release driven from Slack: signed requests through the real Bolt app. */
@QuarkusTest
@TestProfile(SlackProfile.class)
@WithKubernetesTestServer(crud = true, setup = AllowsDeletes.class)
class SlackFlowTest {
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
    // Signatures are checked against the app's clock, and Bolt's own check against the system's.
    clock.followSystemTime();
    // The previous test's work after its last ack must not reach this test's cluster or channel.
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

  String routeWeights() {
    JsonNode route = cluster.virtualService("api-vs").at("/spec/http/0/route");
    List<String> weights = new ArrayList<>();
    route.forEach(d -> weights.add(d.at("/destination/subset").asText() + "=" + d.path("weight").asInt()));
    return String.join(",", weights);
  }

  /** The newest card for api-vs in the channel, once its text says {@code expected}. */
  FakeMessage card(String expected) {
    return Eventually.await("a card showing " + expected,
        () -> FakeSlack.api().channel(CHANNEL).stream()
            .filter(m -> m.threadTs() == null && m.text().startsWith("Canary api-vs"))
            .reduce((a, b) -> b).orElseThrow(),
        m -> m.text().contains(expected));
  }

  /** The value of a card's button, by action id. */
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

  @Test
  void theWholeReleaseFromSlack() throws Exception {
    SignedSlack.Answer ack = slack.command(OPERATOR, CHANNEL, "start api-vs");
    assertThat(ack.status()).isEqualTo(200);
    assertThat(ack.body()).contains("start api-vs");

    FakeMessage card = card("v1 90 % / v2 10 %");
    assertThat(card.blocks()).contains("canary_promote", "Promote to 50 %", "canary_rollback", "canary_pause")
        .contains("\"style\":\"primary\"", "\"style\":\"danger\"", "\"confirm\"");
    Eventually.await("the start line in the thread", () -> FakeSlack.api().channel(CHANNEL).stream()
        .filter(m -> card.ts().equals(m.threadTs())).findFirst().orElseThrow(),
        m -> m.text().contains("<@U0OPERATOR> started api-vs"));
    assertThat(FakeSlack.api().calls("chat.postMessage").get(0).params())
        .containsEntry("unfurl_links", "0").containsEntry("unfurl_media", "0");

    slack.click(APPROVER, CHANNEL, card.ts(), "canary_promote", button(card, "canary_promote"));
    FakeMessage at50 = card("v1 50 % / v2 50 %");
    assertThat(at50.ts()).isEqualTo(card.ts());
    assertThat(routeWeights()).isEqualTo("v1=50,v2=50");

    slack.click(APPROVER, CHANNEL, card.ts(), "canary_promote", button(at50, "canary_promote"));
    FakeMessage at100 = card("v1 0 % / v2 100 %");
    assertThat(routeWeights()).isEqualTo("v1=0,v2=100");
    assertThat(at100.blocks()).contains("Clean up v1", "canary_cleanup_scale", "canary_cleanup_delete");

    slack.click(APPROVER, CHANNEL, card.ts(), "canary_cleanup_scale", button(at100, "canary_cleanup_scale"));
    Eventually.await("api-v1 at 0 replicas",
        () -> client.apps().deployments().inNamespace(NS).withName("api-v1").get().getSpec().getReplicas(),
        replicas -> replicas == 0);
    card("CleanedUp");
    assertThat(store.find(NS, "api-vs").orElseThrow().release().phase()).isEqualTo(Phase.CleanedUp);
  }

  @Test
  void aBurstOfForcedPromotionsByTheStarterNeverReachesHundredAlone() throws Exception {
    // The four-eyes rule is on (SlackProfile). The approver starts, then fires ten promotions at
    // once, each by command and with --force, and a click on the same card: each is decided on
    // one read, so the starter stops at 50 %.
    slack.command(APPROVER, CHANNEL, "start api-vs");
    FakeMessage card = card("v2 10 %");
    List<Thread> burst = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      Thread t = new Thread(() -> slack.command(APPROVER, CHANNEL, "promote api-vs --force"));
      t.start();
      burst.add(t);
    }
    slack.click(APPROVER, CHANNEL, card.ts(), "canary_promote", button(card("v2 50 %"), "canary_promote"));
    for (Thread t : burst) {
      t.join();
    }
    Eventually.await("every promotion answered", () -> FakeSlack.api().ephemerals().stream()
        .filter(e -> e.user().equals(APPROVER)).count(), n -> n >= 11);
    Eventually.await("idle Slack work", () -> work.idle(), idle -> idle);

    assertThat(routeWeights()).isEqualTo("v1=50,v2=50");
    assertThat(store.find(NS, "api-vs").orElseThrow().release().weight()).isEqualTo(50);
    assertThat(ephemeralTo(APPROVER, "another approver must take it to 100 %").text())
        .contains("CANARY_SECOND_APPROVER").contains("nothing was changed");

    slack.command(OPERATOR, CHANNEL, "promote api-vs");
    ephemeralTo(OPERATOR, "only approvers may do that");
    FakeSlack.api().withUserGroup("S0APPROVERS", List.of("U0GROUPIE"));
    slack.click("U0GROUPIE", CHANNEL, card.ts(), "canary_promote", button(card("v2 50 %"), "canary_promote"));
    card("v2 100 %");
    assertThat(routeWeights()).isEqualTo("v1=0,v2=100");
  }

  @Test
  void rollbackFromFiftySendsEverythingBack() throws Exception {
    slack.command(OPERATOR, CHANNEL, "start api-vs");
    FakeMessage card = card("v2 10 %");
    slack.click(APPROVER, CHANNEL, card.ts(), "canary_promote", button(card, "canary_promote"));
    FakeMessage at50 = card("v2 50 %");

    slack.click(OPERATOR, CHANNEL, card.ts(), "canary_rollback", button(at50, "canary_rollback"));

    card("RolledBack");
    assertThat(routeWeights()).isEqualTo("v1=100,v2=0");
  }

  @Test
  void pauseAndResumeFromTheCard() throws Exception {
    slack.command(OPERATOR, CHANNEL, "start api-vs");
    FakeMessage card = card("v2 10 %");

    slack.click(OPERATOR, CHANNEL, card.ts(), "canary_pause", button(card, "canary_pause"));
    FakeMessage paused = card("Paused");
    assertThat(paused.blocks()).contains("canary_resume").doesNotContain("canary_promote");
    assertThat(routeWeights()).as("a pause holds the split").isEqualTo("v1=90,v2=10");

    slack.click(OPERATOR, CHANNEL, card.ts(), "canary_resume", button(paused, "canary_resume"));
    FakeMessage resumed = card("Progressing");
    assertThat(resumed.blocks()).contains("canary_pause", "canary_promote");
    assertThat(routeWeights()).isEqualTo("v1=90,v2=10");
    assertThat(store.find(NS, "api-vs").orElseThrow().release().status().history())
        .extracting(e -> e.action().word() + " by " + e.actor())
        .containsExactly("start by <@U0OPERATOR>", "pause by <@U0OPERATOR>", "resume by <@U0OPERATOR>");
  }

  @Test
  void deleteFromTheCardRemovesTheOldDeployment() throws Exception {
    slack.command(OPERATOR, CHANNEL, "start api-vs");
    FakeMessage card = card("v2 10 %");
    slack.click(APPROVER, CHANNEL, card.ts(), "canary_promote", button(card, "canary_promote"));
    slack.click(APPROVER, CHANNEL, card.ts(), "canary_promote", button(card("v2 50 %"), "canary_promote"));
    FakeMessage at100 = card("v2 100 %");

    slack.click(APPROVER, CHANNEL, card.ts(), "canary_cleanup_delete", button(at100, "canary_cleanup_delete"));

    card("CleanedUp");
    Eventually.await("api-v1 deleted",
        () -> client.apps().deployments().inNamespace(NS).withName("api-v1").get() == null, gone -> gone);
    assertThat(client.apps().deployments().inNamespace(NS).withName("api-v2").get()).as("the new version stays")
        .isNotNull();
    assertThat(routeWeights()).as("the deleted version leaves the route too").isEqualTo("v2=100");
  }

  @Test
  void theStarterCannotClickItToHundredAloneAnotherApproverCan() throws Exception {
    // The four-eyes rule is on (SlackProfile): the approver who started takes it to 50 %, not to 100 %.
    FakeSlack.api().withUserGroup("S0APPROVERS", List.of("U0GROUPIE"));
    slack.command(APPROVER, CHANNEL, "start api-vs");
    FakeMessage card = card("v2 10 %");
    slack.click(APPROVER, CHANNEL, card.ts(), "canary_promote", button(card, "canary_promote"));
    FakeMessage at50 = card("v2 50 %");

    slack.click(APPROVER, CHANNEL, card.ts(), "canary_promote", button(at50, "canary_promote"));

    assertThat(ephemeralTo(APPROVER, "another approver must take it to 100 %").text())
        .contains("CANARY_SECOND_APPROVER").contains("nothing was changed");
    assertThat(routeWeights()).isEqualTo("v1=50,v2=50");

    slack.click("U0GROUPIE", CHANNEL, card.ts(), "canary_promote", button(card("v2 50 %"), "canary_promote"));
    card("v2 100 %");
    assertThat(routeWeights()).isEqualTo("v1=0,v2=100");
  }

  @Test
  void anOutsiderClickingPromoteIsRefusedAndNothingChanges() throws Exception {
    slack.command(OPERATOR, CHANNEL, "start api-vs");
    FakeMessage card = card("v2 10 %");

    slack.click(OUTSIDER, CHANNEL, card.ts(), "canary_promote", button(card, "canary_promote"));

    assertThat(ephemeralTo(OUTSIDER, "only approvers may do that").text()).contains("nothing was changed");
    assertThat(routeWeights()).isEqualTo("v1=90,v2=10");
    assertThat(store.find(NS, "api-vs").orElseThrow().release().weight()).isEqualTo(10);
  }

  @Test
  void anOperatorMayRollBackButNotPromote() throws Exception {
    slack.command(OPERATOR, CHANNEL, "start api-vs");
    FakeMessage card = card("v2 10 %");
    slack.click(OPERATOR, CHANNEL, card.ts(), "canary_promote", button(card, "canary_promote"));
    ephemeralTo(OPERATOR, "only approvers may do that");
    assertThat(routeWeights()).isEqualTo("v1=90,v2=10");
  }

  @Test
  void aStaleClickSaysWhoMovedItAndChangesNothing() throws Exception {
    slack.command(OPERATOR, CHANNEL, "start api-vs");
    FakeMessage card = card("v2 10 %");
    String drawnAt10 = button(card, "canary_promote");
    slack.click(APPROVER, CHANNEL, card.ts(), "canary_promote", drawnAt10);
    card("v2 50 %");

    slack.click(APPROVER, CHANNEL, card.ts(), "canary_promote", drawnAt10);

    assertThat(ephemeralTo(APPROVER, "already at 50 %").text())
        .contains("promoted by <@U0APPROVER>").contains("nothing was changed");
    assertThat(routeWeights()).isEqualTo("v1=50,v2=50");
  }

  @Test
  void twoApproversClickingAtOnceMakeOnePromotion() throws Exception {
    // The second approver is one through a user group, resolved with usergroups.users.list.
    FakeSlack.api().withUserGroup("S0APPROVERS", List.of("U0GROUPIE"));
    slack.command(OPERATOR, CHANNEL, "start api-vs");
    FakeMessage card = card("v2 10 %");
    String value = button(card, "canary_promote");

    java.util.concurrent.ExecutorService two = java.util.concurrent.Executors.newFixedThreadPool(2);
    try {
      java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
      List<java.util.concurrent.Future<SignedSlack.Answer>> clicks = new ArrayList<>();
      for (String who : List.of(APPROVER, "U0GROUPIE")) {
        clicks.add(two.submit(() -> {
          go.await();
          return slack.click(who, CHANNEL, card.ts(), "canary_promote", value);
        }));
      }
      go.countDown();
      for (java.util.concurrent.Future<SignedSlack.Answer> click : clicks) {
        assertThat(click.get().status()).isEqualTo(200);
      }
    } finally {
      two.shutdownNow();
    }

    List<FakeEphemeral> answers = Eventually.await("both clickers answered", () -> FakeSlack.api().ephemerals()
        .stream().filter(e -> e.user().equals(APPROVER) || e.user().equals("U0GROUPIE")).toList(),
        list -> list.size() == 2);
    assertThat(answers).filteredOn(e -> e.text().startsWith(":white_check_mark:")).hasSize(1);
    assertThat(answers).filteredOn(e -> e.text().contains("already at 50 %")).hasSize(1);
    assertThat(routeWeights()).isEqualTo("v1=50,v2=50");
    assertThat(store.find(NS, "api-vs").orElseThrow().release().status().history()).hasSize(2);
  }

  @Test
  void anUnknownVirtualServiceGetsTheReasonAndUsage() {
    slack.command(OPERATOR, CHANNEL, "start web-vs");
    FakeEphemeral reply = ephemeralTo(OPERATOR, "web-vs");
    assertThat(reply.text()).contains("cannot start").contains("Usage:");
    assertThat(store.list(NS)).isEmpty();
  }

  @Test
  void mistakesAreAnsweredInTheAckAndChangeNothing() {
    assertThat(slack.command(OPERATOR, CHANNEL, "start api-vs --steps 50,10").body())
        .contains("does not increase").contains("Usage:");
    assertThat(slack.command(OPERATOR, CHANNEL, "start api-vs -n Bad_Namespace").body()).contains("Usage:");
    assertThat(slack.command(OPERATOR, CHANNEL, "promot api-vs").body()).contains("Did you mean `promote`?");
    assertThat(store.list(NS)).isEmpty();
    assertThat(routeWeights()).isEqualTo("v1=90,v2=10");
  }

  @Test
  void statusShowsTheCardToTheAskerOnly() {
    slack.command(OPERATOR, CHANNEL, "start api-vs");
    card("v2 10 %");
    slack.command(OUTSIDER, CHANNEL, "status api-vs");
    assertThat(ephemeralTo(OUTSIDER, "Canary api-vs").blocks()).contains("Promote to 50 %");
  }

  @Test
  void statusOfAHandEditedReleaseSaysWhatIsWrongAndHowToFixIt() {
    slack.command(OPERATOR, CHANNEL, "start api-vs");
    card("v2 10 %");
    // The card is shown before the bot stores where it is: edit after that write, not racing it.
    Eventually.await("the card stored on the release",
        () -> store.find(NS, "api-vs").orElseThrow().release().status().card(), c -> c != null);
    CanaryReleaseResource edited = client.resources(CanaryReleaseResource.class).inNamespace(NS)
        .withName("api-vs").get();
    edited.getSpec().steps = List.of(50, 10);
    client.resources(CanaryReleaseResource.class).inNamespace(NS).resource(edited).update();

    slack.command(OUTSIDER, CHANNEL, "status api-vs");

    FakeEphemeral reply = ephemeralTo(OUTSIDER, "api-vs");
    assertThat(reply.text()).contains("cannot be read: step 10 does not increase")
        .contains("`kubectl edit crel api-vs -n default`")
        .doesNotContain("could not finish");
  }

  @Test
  void theHomeTabListsTheReleases() {
    slack.command(OPERATOR, CHANNEL, "start api-vs");
    card("v2 10 %");
    assertThat(slack.event("app_home_opened", java.util.Map.of("user", OUTSIDER, "channel", "D0HOME",
        "tab", "home")).status()).isEqualTo(200);
    String view = Eventually.await("a published home tab", () -> FakeSlack.api().homeView(OUTSIDER).orElseThrow(), v -> true);
    assertThat(view).contains("Canary releases", "*api-vs* · Progressing", "v1 90 % / v2 10 %");
  }

  @Test
  void aRateLimitedCardUpdateStillLands() throws Exception {
    slack.command(OPERATOR, CHANNEL, "start api-vs");
    FakeMessage card = card("v2 10 %");
    ForcedFailures.on(FakeSlack.api()).rateLimitNext("chat.update", 1, 1);

    slack.click(APPROVER, CHANNEL, card.ts(), "canary_promote", button(card, "canary_promote"));

    card("v2 50 %");
    assertThat(FakeSlack.api().calls("chat.update")).extracting(c -> c.status()).contains(429, 200);
  }
}
