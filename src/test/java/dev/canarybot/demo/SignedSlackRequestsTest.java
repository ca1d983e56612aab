package dev.canarybot.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.app_backend.SlackSignature;
import dev.canarybot.demo.slackapi.WebApiParams;
import org.junit.jupiter.api.Test;

/** The page's requests pass the same check Bolt applies to Slack's, and carry what Slack sends. */
class SignedSlackRequestsTest {
  static final long NOW = 1_741_086_000L;

  @Test
  void aCommandIsSignedWithTheSecretOverTheExactBody() {
    SignedSlackRequests.Signed signed = new SignedSlackRequests("demo-secret")
        .command("U0OPERATOR", "C0DEMO", "start api-vs", "http://127.0.0.1/r/1", NOW);

    String ts = signed.headers().get(SlackSignature.HeaderNames.X_SLACK_REQUEST_TIMESTAMP);
    assertThat(new SlackSignature.Verifier(new SlackSignature.Generator("demo-secret")).isValid(ts, signed.body(),
        signed.headers().get(SlackSignature.HeaderNames.X_SLACK_SIGNATURE), NOW * 1000)).isTrue();
    assertThat(new SlackSignature.Verifier(new SlackSignature.Generator("another-secret")).isValid(ts, signed.body(),
        signed.headers().get(SlackSignature.HeaderNames.X_SLACK_SIGNATURE), NOW * 1000)).isFalse();
    assertThat(WebApiParams.form(signed.body())).containsEntry("command", "/canary")
        .containsEntry("text", "start api-vs").containsEntry("user_id", "U0OPERATOR")
        .containsEntry("channel_id", "C0DEMO").containsEntry("response_url", "http://127.0.0.1/r/1");
  }

  @Test
  void aClickNamesTheUserTheMessageAndTheButton() {
    SignedSlackRequests.Signed signed = new SignedSlackRequests("demo-secret").click("U0APPROVER", "C0DEMO",
        "1741086000.000100", "canary_actions", "canary_promote", "default/api-vs@10", "http://127.0.0.1/r/2", NOW);

    String payload = WebApiParams.form(signed.body()).get("payload");
    assertThat(payload).contains("\"type\":\"block_actions\"").contains("\"id\":\"U0APPROVER\"")
        .contains("\"message_ts\":\"1741086000.000100\"").contains("\"action_id\":\"canary_promote\"")
        .contains("\"value\":\"default/api-vs@10\"").contains("\"block_id\":\"canary_actions\"");
  }
}
