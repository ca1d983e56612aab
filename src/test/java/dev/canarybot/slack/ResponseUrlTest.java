package dev.canarybot.slack;

import static dev.canarybot.slack.SlackProfile.OPERATOR;
import static dev.canarybot.slack.SlackProfile.OUTSIDER;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.canarybot.demo.slackapi.FakeEphemeral;
import dev.canarybot.demo.slackapi.FakeMessage;
import dev.canarybot.demo.slackapi.RecordedCall;
import dev.canarybot.slack.inbound.SlackWork;
import dev.canarybot.slack.outbound.SlackOutbox;
import dev.canarybot.store.CanaryReleaseResource;
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
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A signed payload may still name any response_url (a leaked secret, a buggy proxy, the demo
 * page): the bot calls only Slack's, and answers the person through chat.postEphemeral otherwise.
 */
@QuarkusTest
@TestProfile(SlackProfile.class)
@WithKubernetesTestServer(crud = true)
class ResponseUrlTest {
  static final String CHANNEL = FakeSlack.CHANNEL;

  @TestHTTPResource("/slack/events") URI events;
  @Inject KubernetesClient client;
  @Inject SlackWork work;
  @Inject SlackOutbox outbox;
  @Inject MutableClock clock;

  SignedSlack slack;
  HttpServer elsewhere;
  String forged;
  final AtomicInteger calledElsewhere = new AtomicInteger();

  @BeforeEach
  void fresh() throws Exception {
    clock.followSystemTime();
    Eventually.await("idle Slack work", () -> work.idle() && outbox.pending() == 0, idle -> idle);
    FakeSlack.api().reset();
    CrdInstaller.install(client);
    client.resources(CanaryReleaseResource.class).inNamespace("default").delete();
    new ExampleCluster(client).reset();
    slack = new SignedSlack(events, FakeSlack.SECRET, FakeSlack.api());
    // Same host as the stand-in Web API, another port: not its origin.
    elsewhere = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    elsewhere.createContext("/", exchange -> {
      calledElsewhere.incrementAndGet();
      exchange.sendResponseHeaders(200, -1);
      exchange.close();
    });
    elsewhere.start();
    forged = "http://127.0.0.1:" + elsewhere.getAddress().getPort() + "/collect";
  }

  @AfterEach
  void stop() {
    elsewhere.stop(0);
  }

  FakeEphemeral ephemeralTo(String user, String containing) {
    return Eventually.await("an ephemeral to " + user + " saying " + containing,
        () -> FakeSlack.api().ephemerals().stream()
            .filter(e -> e.user().equals(user) && e.text().contains(containing))
            .findFirst().orElseThrow(), e -> true);
  }

  @Test
  void aCommandWithAForeignResponseUrlIsAnsweredThroughTheWebApi() {
    assertThat(slack.command(OPERATOR, CHANNEL, "list", forged).status()).isEqualTo(200);

    FakeEphemeral answer = ephemeralTo(OPERATOR, "No canary releases");
    assertThat(answer.channel()).isEqualTo(CHANNEL);
    assertThat(FakeSlack.api().calls("chat.postEphemeral")).singleElement().satisfies(call ->
        assertThat(call.params()).containsEntry("user", OPERATOR).containsEntry("channel", CHANNEL));
    assertThat(FakeSlack.api().calls("response_url")).isEmpty();
    // The ephemeral is sent after the decision not to call the forged address, so by now it would have been.
    assertThat(calledElsewhere).hasValue(0);
  }

  @Test
  void aClickWithAForeignResponseUrlIsAnsweredThroughTheWebApi() throws Exception {
    slack.command(OPERATOR, CHANNEL, "start api-vs");
    FakeMessage card = Eventually.await("the card", () -> FakeSlack.api().channel(CHANNEL).stream()
        .filter(m -> m.threadTs() == null && m.text().startsWith("Canary api-vs")).findFirst().orElseThrow(),
        m -> true);
    String value = promoteValue(card);

    slack.click(OUTSIDER, CHANNEL, card.ts(), "canary_promote", value, forged);

    FakeEphemeral refusal = ephemeralTo(OUTSIDER, "only approvers may do that");
    assertThat(refusal.channel()).isEqualTo(CHANNEL);
    assertThat(FakeSlack.api().calls("chat.postEphemeral")).extracting(RecordedCall::params)
        .anySatisfy(p -> assertThat(p).containsEntry("user", OUTSIDER));
    assertThat(calledElsewhere).hasValue(0);
  }

  @Test
  void slacksOwnAddressIsStillUsed() {
    // The stand-in's response_url shares SLACK_API_URL's origin, as hooks.slack.com is Slack's.
    slack.command(OPERATOR, CHANNEL, "list");

    ephemeralTo(OPERATOR, "No canary releases");
    assertThat(FakeSlack.api().calls("response_url")).hasSize(1);
    assertThat(FakeSlack.api().calls("chat.postEphemeral")).isEmpty();
  }

  static String promoteValue(FakeMessage card) throws Exception {
    for (JsonNode block : new ObjectMapper().readTree(card.blocks())) {
      for (JsonNode element : block.path("elements")) {
        if ("canary_promote".equals(element.path("action_id").asText())) {
          return element.path("value").asText();
        }
      }
    }
    throw new AssertionError("no promote button on " + card.blocks());
  }
}
