package dev.canarybot.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.canarybot.testing.TestSlackSettings;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Placeholders are told from credentials, and a start with one names the variable and the fix. */
class SlackPlaceholdersTest {

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource({
      "xoxb-REPLACE, true",           // the Secret template's values
      "REPLACE-ME, true",
      "xapp-REPLACE, true",
      "xoxb-demo, true",              // the demo's fixed fakes
      "demo-secret, true",
      "' xoxb-demo ', true",
      "xoxb-REPLACE-with-yours, true",
      "replace-me, true",
      "C0REPLACE, true",
      "xoxb-1234567890-0987654321-AbCdEfGhIjKlMnOpQrStUvWx, false",
      "8f14e45fceea167a5a36dedd4bea2543, false",      // a signing secret is 32 hex digits
      "xapp-1-A0123456789-1234567890123-0123456789abcdef0123456789abcdef, false",
      "xoxb-demo2, false",
  })
  void aPlaceholderIsAKnownStandInOrSaysReplace(String value, boolean placeholder) {
    assertThat(SlackPlaceholders.isPlaceholder(value)).isEqualTo(placeholder);
  }

  @Test
  void realValuesStart() {
    assertThat(SlackPlaceholders.refusal(settings("xoxb-1-2-abc", "8f14e45fceea167a5a36dedd4bea2543", null))).isEmpty();
    assertThat(SlackPlaceholders.refusal(settings(null, null, null))).isEmpty();
  }

  @Test
  void theRefusalNamesEveryVariableWithAPlaceholderAndTheCommandThatFixesIt() {
    String why = SlackPlaceholders.refusal(settings("xoxb-REPLACE", "8f14e45fceea167a5a36dedd4bea2543", "xapp-REPLACE")).orElseThrow();
    assertThat(why).startsWith("a placeholder, not a Slack credential, in SLACK_BOT_TOKEN, SLACK_APP_TOKEN: canary-bot does not start")
        .contains("kubectl -n canary-bot create secret generic canary-bot-slack --from-literal=SLACK_BOT_TOKEN=xoxb-…")
        .contains("rollout restart deployment/canary-bot")
        .doesNotContain("xoxb-REPLACE").doesNotContain("8f14e45f");
    assertThat(SlackPlaceholders.refusal(settings("xoxb-1-2-abc", "demo-secret", null)).orElseThrow())
        .startsWith("a placeholder, not a Slack credential, in SLACK_SIGNING_SECRET:");
  }

  @Test
  void theStartStopsOutsideTheDemoAndGoesOnInIt() {
    SlackSettings demoFakes = settings("xoxb-demo", "demo-secret", null);
    SlackPlaceholderCheck production = new SlackPlaceholderCheck(demoFakes, false);
    assertThatThrownBy(() -> production.check(null))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("a placeholder, not a Slack credential, in SLACK_BOT_TOKEN, SLACK_SIGNING_SECRET:");
    new SlackPlaceholderCheck(demoFakes, true).check(null);
    new SlackPlaceholderCheck(settings("xoxb-1-2-abc", null, "xapp-1-A1-2-abc"), false).check(null);
  }

  static SlackSettings settings(String bot, String secret, String app) {
    return TestSlackSettings.fast().withTransport(bot, secret, app, null);
  }
}
