package dev.canarybot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canarybot.slack.SigningSecretPolicy.Closed;
import dev.canarybot.slack.SigningSecretPolicy.Outcome;
import dev.canarybot.slack.SigningSecretPolicy.Refuse;
import dev.canarybot.slack.SigningSecretPolicy.Verify;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Every combination of secret, tokens and demo decided as a value: verify, closed, or no start. */
class SigningSecretPolicyTest {
  static final boolean BOT = true;
  static final boolean NO_BOT = false;
  static final boolean APP = true;
  static final boolean NO_APP = false;
  static final boolean DEMO = true;
  static final boolean PROD = false;

  static Outcome decide(String secret, boolean bot, boolean app, boolean demo) {
    return SigningSecretPolicy.decide(Optional.ofNullable(secret), bot, app, demo);
  }

  @Test
  void aRealSecretIsVerifiedWithInEveryMode() {
    assertThat(decide("8f742231b10e8888abcd99yyyzzz85a5", BOT, NO_APP, PROD))
        .isEqualTo(new Verify("8f742231b10e8888abcd99yyyzzz85a5"));
    assertThat(decide("8f742231b10e8888abcd99yyyzzz85a5", BOT, APP, PROD)).isInstanceOf(Verify.class);
    assertThat(decide("8f742231b10e8888abcd99yyyzzz85a5", NO_BOT, NO_APP, PROD)).isInstanceOf(Verify.class);
    assertThat(decide("8f742231b10e8888abcd99yyyzzz85a5", BOT, NO_APP, DEMO)).isInstanceOf(Verify.class);
  }

  @Test
  void httpModeWithoutAUsableSecretDoesNotStartAndSaysWhatToSet() {
    for (String unusable : new String[] {null, "", "   ", "REPLACE-ME", "replace-me-later", "demo-secret"}) {
      Outcome outcome = decide(unusable, BOT, NO_APP, PROD);
      assertThat(outcome).as("secret %s", unusable).isInstanceOf(Refuse.class);
      assertThat(((Refuse) outcome).why()).as("secret %s", unusable)
          .contains("Set SLACK_SIGNING_SECRET to the Signing Secret", "Basic Information", "SLACK_APP_TOKEN")
          .doesNotContain("REPLACE-ME", "demo-secret");
    }
    assertThat(((Refuse) decide(null, BOT, NO_APP, PROD)).why()).startsWith("SLACK_SIGNING_SECRET is not set");
    assertThat(((Refuse) decide("REPLACE-ME", BOT, NO_APP, PROD)).why()).contains("placeholder");
    assertThat(((Refuse) decide("demo-secret", BOT, NO_APP, PROD)).why()).contains("demo's published value");
  }

  @Test
  void socketModeWithoutASecretIsClosedOverHttp() {
    Outcome outcome = decide(null, BOT, APP, PROD);
    assertThat(outcome).isEqualTo(new Closed("/slack/events refuses every request with 401: Socket Mode "
        + "carries Slack's requests and SLACK_SIGNING_SECRET is not set (set it to the Slack app's "
        + "Signing Secret to take Slack's requests over HTTP)"));
    assertThat(decide("REPLACE-ME", BOT, APP, PROD)).isInstanceOf(Closed.class);
    assertThat(decide("demo-secret", BOT, APP, PROD)).isInstanceOf(Closed.class);
  }

  @Test
  void withoutABotTokenNothingIsPostedAndNothingOpen() {
    // The packaged app with no SLACK_* set at all: it starts (a dry run), and refuses every request.
    assertThat(decide(null, NO_BOT, NO_APP, PROD)).isInstanceOf(Closed.class);
    assertThat(decide("REPLACE-ME", NO_BOT, NO_APP, PROD)).isInstanceOf(Closed.class);
  }

  @Test
  void theDemoKeepsItsOwnSecretButNoPlaceholder() {
    assertThat(decide("demo-secret", BOT, NO_APP, DEMO)).isEqualTo(new Verify("demo-secret"));
    assertThat(decide("REPLACE-ME", BOT, NO_APP, DEMO)).isInstanceOf(Closed.class);
    assertThat(decide(null, BOT, NO_APP, DEMO)).isInstanceOf(Closed.class);
  }

  @Test
  void theSecretNeverShowsInTheOutcomesText() {
    assertThat(decide("8f742231b10e8888abcd99yyyzzz85a5", BOT, NO_APP, PROD).toString())
        .doesNotContain("8f742231");
  }
}
