package dev.canarybot.slack;

import static dev.canarybot.slack.SlackProfile.OPERATOR;
import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.app_backend.SlackSignature;
import dev.canarybot.service.port.ReleaseStore;
import dev.canarybot.slack.inbound.SlackWork;
import dev.canarybot.store.CanaryReleaseResource;
import dev.canarybot.testing.CrdInstaller;
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
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Only requests Slack signed, recently, over the exact bytes sent, reach a handler. */
@QuarkusTest
@TestProfile(SlackProfile.class)
@WithKubernetesTestServer(crud = true)
class SlackSignatureTest {
  @TestHTTPResource("/slack/events") URI events;
  @Inject KubernetesClient client;
  @Inject ReleaseStore store;
  @Inject SlackWork work;
  @Inject MutableClock clock;

  SignedSlack slack;
  String body;
  long workBefore;

  @BeforeEach
  void fresh() {
    // The edge reads the app's clock, Bolt the system's: both must agree, as in production.
    clock.followSystemTime();
    CrdInstaller.install(client);
    client.resources(CanaryReleaseResource.class).inNamespace("default").delete();
    new ExampleCluster(client).reset();
    FakeSlack.api().reset();
    slack = new SignedSlack(events, FakeSlack.SECRET, FakeSlack.api());
    Map<String, String> form = new LinkedHashMap<>();
    form.put("team_id", "T0CANARY");
    form.put("channel_id", FakeSlack.CHANNEL);
    form.put("user_id", OPERATOR);
    form.put("command", "/canary");
    form.put("text", "start api-vs");
    form.put("response_url", FakeSlack.api().newResponseUrl(FakeSlack.CHANNEL, OPERATOR));
    body = SignedSlack.formBody(form);
    workBefore = work.handedOver();
  }

  /**
   * A handler hands its work over before Slack is answered, so once every request of the test
   * has its answer, a refused one that got through would already show here.
   */
  @AfterEach
  void nothingChanged() {
    assertThat(work.handedOver()).as("work handed over by the test's requests").isEqualTo(workBefore);
    assertThat(store.list("default")).isEmpty();
    assertThat(FakeSlack.api().calls("chat.postMessage")).isEmpty();
  }

  @Test
  void aForgedSignatureIsRefused() {
    String ts = SignedSlack.now();
    String forged = new SlackSignature.Generator("not-the-secret").generate(ts, body);
    assertThat(slack.send(body, Map.of("X-Slack-Request-Timestamp", ts, "X-Slack-Signature", forged))
        .status()).isEqualTo(401);
  }

  @Test
  void aReplayOlderThanFiveMinutesIsRefused() {
    String sixMinutesAgo = String.valueOf(System.currentTimeMillis() / 1000 - 6 * 60);
    assertThat(slack.post(body, sixMinutesAgo).status()).isEqualTo(401);
  }

  static String secondsFromNow(long seconds) {
    return String.valueOf(System.currentTimeMillis() / 1000 + seconds);
  }

  /** A command answered in the acknowledgement itself, changing nothing. */
  String help() {
    return body.replace("text=start+api-vs", "text=help");
  }

  @Test
  void aRequestSignedAnHourAheadIsRefusedLikeAStaleOne() {
    SignedSlack.Answer answer = slack.post(body, secondsFromNow(60 * 60));
    assertThat(answer.status()).isEqualTo(401);
    assertThat(answer.body()).contains("in the future");
  }

  @Test
  void sixMinutesAheadIsRefusedAndFourMinutesAheadStillAccepted() {
    assertThat(slack.post(help(), secondsFromNow(6 * 60)).status()).isEqualTo(401);
    // Clocks drift: within the window on either side, Slack's request is taken.
    SignedSlack.Answer fourAhead = slack.post(help(), secondsFromNow(4 * 60));
    assertThat(fourAhead.status()).isEqualTo(200);
    assertThat(fourAhead.body()).contains("Usage");
  }

  @Test
  void aReplayInsideTheWindowIsRefused() {
    String ts = SignedSlack.now();
    String signature = new SlackSignature.Generator(FakeSlack.SECRET).generate(ts, help());
    Map<String, String> headers = Map.of("X-Slack-Request-Timestamp", ts, "X-Slack-Signature", signature);

    assertThat(slack.send(help(), headers).status()).as("the original").isEqualTo(200);
    SignedSlack.Answer replay = slack.send(help(), headers);

    assertThat(replay.status()).as("the same bytes and signature again").isEqualTo(401);
    assertThat(replay.body()).contains("already taken");
  }

  @Test
  void missingHeadersAreRefused() {
    assertThat(slack.send(body, Map.of()).status()).isEqualTo(401);
    assertThat(slack.send(body, Map.of("X-Slack-Request-Timestamp", SignedSlack.now())).status()).isEqualTo(401);
  }

  @Test
  void aBodyChangedAfterSigningIsRefused() {
    String ts = SignedSlack.now();
    String signature = new SlackSignature.Generator(FakeSlack.SECRET).generate(ts, body);
    String tampered = body.replace("U0OPERATOR", "U0APPROVER");
    assertThat(slack.send(tampered, Map.of("X-Slack-Request-Timestamp", ts, "X-Slack-Signature", signature))
        .status()).isEqualTo(401);
  }
}
