package dev.canarybot.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import dev.canarybot.demo.slackapi.FakeSlackServer;
import dev.canarybot.demo.slackapi.FakeSlackWebApi;
import dev.canarybot.testing.TestSlackSettings;
import java.time.Clock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A wrong bot token stops the start with words that say which token and where to find the right one. */
class SlackStartupCheckTest {
  FakeSlackServer server;

  @BeforeEach
  void start() throws Exception {
    server = FakeSlackServer.start(new FakeSlackWebApi("xoxb-right", Clock.systemUTC()));
  }

  @AfterEach
  void stop() {
    server.close();
  }

  SlackStartupCheck check(String token, String apiUrl) {
    return check(token, apiUrl, "secret", null, false);
  }

  SlackStartupCheck check(String token, String apiUrl, String secret, String appToken, boolean demo) {
    SlackSettings settings = TestSlackSettings.fast().withTransport(token, secret, appToken, apiUrl);
    SlackConfig config = new SlackConfig();
    config.setMethodsEndpointUrlPrefix(apiUrl);
    config.setStatsEnabled(false);
    return new SlackStartupCheck(settings, Slack.getInstance(config).methods(token), demo);
  }

  @Test
  void httpModeWithoutASigningSecretDoesNotStartAndSaysWhichVariableToSet() {
    for (String unusable : new String[] {null, "REPLACE-ME", "demo-secret"}) {
      SlackStartupCheck check = check("xoxb-right", server.methodsUrlPrefix(), unusable, null, false);
      assertThatThrownBy(() -> check.check(null)).as("secret %s", unusable)
          .isInstanceOf(IllegalStateException.class)
          .hasMessageStartingWith("SLACK_SIGNING_SECRET ")
          .hasMessageContaining("Set SLACK_SIGNING_SECRET to the Signing Secret on the Slack app's Basic Information page");
    }
    assertThat(server.api().calls("auth.test")).as("refused before Slack is asked anything").isEmpty();
  }

  @Test
  void socketModeAndTheDemoStartWithoutAnHttpSecret() {
    SlackStartupCheck socketMode = check("xoxb-right", server.methodsUrlPrefix(), null, "xapp-1", false);
    socketMode.check(null);
    assertThat(socketMode.authenticated()).isTrue();

    SlackStartupCheck demo = check("xoxb-right", server.methodsUrlPrefix(), "demo-secret", null, true);
    demo.check(null);
    assertThat(demo.authenticated()).isTrue();
  }

  @Test
  void theRightTokenSignsIn() {
    SlackStartupCheck check = check("xoxb-right", server.methodsUrlPrefix());
    check.check(null);
    assertThat(check.authenticated()).isTrue();
    assertThat(check.workspaceUrl()).isEqualTo("https://canary-fake.slack.com/");
  }

  @Test
  void aWrongTokenStopsTheStartAndSaysWhichTokenToUse() {
    SlackStartupCheck check = check("xoxb-wrong", server.methodsUrlPrefix());
    assertThatThrownBy(() -> check.check(null)).isInstanceOf(IllegalStateException.class)
        .hasMessage("Slack refused SLACK_BOT_TOKEN (auth.test: invalid_auth). Use the Bot User OAuth "
            + "Token (xoxb-…) from the app's OAuth & Permissions page.")
        .hasMessageNotContaining("xoxb-wrong");
    assertThat(check.authenticated()).isFalse();
  }

  @Test
  void anUnreachableSlackSaysWhereItLooked() {
    SlackStartupCheck check = check("xoxb-right", "http://127.0.0.1:1/api/");
    assertThatThrownBy(() -> check.check(null)).isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("cannot reach the Slack Web API at http://127.0.0.1:1/api/ to check SLACK_BOT_TOKEN");
  }
}
