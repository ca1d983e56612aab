package dev.canarybot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canarybot.testing.FakeSlack;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import org.junit.jupiter.api.Test;

/** With an app-level token the bot dials Slack over a WebSocket and acknowledges there. */
@QuarkusTest
@TestProfile(SocketModeProfile.class)
@WithKubernetesTestServer(crud = true)
class SocketModeTest {

  @Test
  void aSlashCommandEnvelopeIsAcknowledgedOnTheSocket() throws Exception {
    assertThat(FakeSlack.socket().awaitBot(15)).as("the bot connected").isTrue();

    FakeSlack.socket().sendToBot("{\"envelope_id\":\"env-1\",\"type\":\"slash_commands\","
        + "\"accepts_response_payload\":true,\"payload\":{\"token\":\"t\",\"team_id\":\"T0CANARY\","
        + "\"channel_id\":\"C0CANARY\",\"user_id\":\"U0OPERATOR\",\"command\":\"/canary\","
        + "\"text\":\"help\",\"response_url\":\"http://127.0.0.1:1/none\",\"trigger_id\":\"1.2.3\"}}");

    String ack = FakeSlack.socket().awaitFromBot("env-1", 10);
    assertThat(ack).as("the acknowledgement").isNotNull().contains("\"envelope_id\":\"env-1\"")
        .contains("Usage");
  }
}
