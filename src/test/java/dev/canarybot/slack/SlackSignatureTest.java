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

  SignedSlack slack;
  String body;

  @BeforeEach
  void fresh() {
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
  }

  @AfterEach
  void nothingChanged() throws InterruptedException {
    Thread.sleep(300);
    assertThat(work.idle()).isTrue();
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
