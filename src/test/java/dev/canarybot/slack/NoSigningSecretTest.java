package dev.canarybot.slack;

import static dev.canarybot.slack.SlackProfile.OPERATOR;
import static org.assertj.core.api.Assertions.assertThat;

import dev.canarybot.service.port.ReleaseStore;
import dev.canarybot.slack.inbound.SlackWork;
import dev.canarybot.store.CanaryReleaseResource;
import dev.canarybot.testing.CrdInstaller;
import dev.canarybot.testing.ExampleCluster;
import dev.canarybot.testing.FakeSlack;
import dev.canarybot.testing.LogCapture;
import dev.canarybot.testing.MutableClock;
import dev.canarybot.testing.SignedSlack;
import dev.canarybot.testing.StartLog;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Socket Mode as deployed: no signing secret, and /slack/events still listening. No secret must
 * never mean open: Bolt 1.51 given an empty secret verifies with the key "---", so a request
 * signed with it started a release.
 */
@QuarkusTest
@TestProfile(SocketModeWithoutSecretProfile.class)
@WithKubernetesTestServer(crud = true)
class NoSigningSecretTest {
  @TestHTTPResource("/slack/events") URI events;
  @Inject KubernetesClient client;
  @Inject ReleaseStore store;
  @Inject SlackWork work;
  @Inject MutableClock clock;

  @BeforeEach
  void fresh() {
    clock.followSystemTime();
    CrdInstaller.install(client);
    client.resources(CanaryReleaseResource.class).inNamespace("default").delete();
    new ExampleCluster(client).reset();
    FakeSlack.api().reset();
  }

  @Test
  void aRequestSignedWithBoltsFallbackKeyIsRefusedAndStartsNothing() {
    SignedSlack dashes = new SignedSlack(events, "---", FakeSlack.api());

    SignedSlack.Answer answer = dashes.command(OPERATOR, FakeSlack.CHANNEL, "start api-vs");

    assertThat(answer.status()).isEqualTo(401);
    assertThat(answer.body()).contains("no signing secret is configured");
    assertThat(work.idle()).isTrue();
    assertThat(store.list("default")).isEmpty();
  }

  @Test
  void everyOtherRequestIsRefusedToo() {
    // The test secret of the other profiles, no signature at all, and an events callback.
    SignedSlack guess = new SignedSlack(events, FakeSlack.SECRET, FakeSlack.api());
    assertThat(guess.command(OPERATOR, FakeSlack.CHANNEL, "help").status()).isEqualTo(401);
    assertThat(guess.send("command=%2Fcanary&text=help", Map.of()).status()).isEqualTo(401);
    assertThat(guess.event("app_home_opened", Map.of("user", OPERATOR, "tab", "home")).status())
        .isEqualTo(401);
    assertThat(FakeSlack.api().calls("views.publish")).isEmpty();
  }

  @Test
  void theStartSaidOnceWhyAndNoRefusalRepeatsIt() {
    new SignedSlack(events, "---", FakeSlack.api()).command(OPERATOR, FakeSlack.CHANNEL, "help");

    List<LogCapture.Line> why = StartLog.lines().stream()
        .filter(l -> l.text().contains("SLACK_SIGNING_SECRET") || l.text().contains("refuse")).toList();
    assertThat(why).singleElement().satisfies(l -> assertThat(l.text())
        .contains("refuses every request", "Socket Mode", "SLACK_SIGNING_SECRET is not set"));
  }

  @Test
  void socketModeStillAnswersWithTheSecretBoltWasGiven() throws Exception {
    assertThat(FakeSlack.socket().awaitBot(15)).as("the bot connected").isTrue();
    FakeSlack.socket().sendToBot("{\"envelope_id\":\"env-nosecret\",\"type\":\"slash_commands\","
        + "\"accepts_response_payload\":true,\"payload\":{\"token\":\"t\",\"team_id\":\"T0CANARY\","
        + "\"channel_id\":\"C0CANARY\",\"user_id\":\"U0OPERATOR\",\"command\":\"/canary\","
        + "\"text\":\"help\",\"response_url\":\"https://hooks.slack.com/commands/T0/1/x\",\"trigger_id\":\"1.2.3\"}}");
    String ack = FakeSlack.socket().awaitFromBot("env-nosecret", 10);
    assertThat(ack).as("the acknowledgement").isNotNull().contains("Usage");
  }
}
