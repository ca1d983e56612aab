package dev.canarybot.slack.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Slack's hooks host, or the configured Web API's own origin; nothing that merely looks like them. */
class ResponseUrlsTest {
  static final ResponseUrls SLACK = new ResponseUrls(Optional.empty());
  static final ResponseUrls STAND_IN = new ResponseUrls(Optional.of("http://127.0.0.1:8080/demo/slack/api/"));

  @Test
  void slacksHooksAreSlacks() {
    assertThat(SLACK.isSlack("https://hooks.slack.com/commands/T1DC2JH3J/397700885554/96rGlfmibIGlgcZRskXaIFfN")).isTrue();
    assertThat(SLACK.isSlack("https://hooks.slack.com/actions/T0/1/abc")).isTrue();
    assertThat(SLACK.isSlack("https://HOOKS.slack.com/actions/T0/1/abc")).as("host case").isTrue();
    assertThat(SLACK.isSlack("https://hooks.slack.com:443/actions/T0/1/abc")).as("the default port").isTrue();
    assertThat(STAND_IN.isSlack("https://hooks.slack.com/actions/T0/1/abc")).as("also with SLACK_API_URL").isTrue();
  }

  @Test
  void lookalikesAreNot() {
    for (String url : new String[] {
        "http://hooks.slack.com/commands/T0/1/x",            // not TLS
        "https://hooks.slack.com:8443/commands/T0/1/x",      // another port
        "https://hooks.slack.com.attacker.example/x",        // a suffix
        "https://attackerhooks.slack.com/x",                 // another host of slack.com is not hooks
        "https://attacker.example/?https://hooks.slack.com/",
        "https://hooks.slack.com@attacker.example/x",        // user info, host is the attacker's
        "https://attacker.example@hooks.slack.com/x",        // user info at all
        "ftp://hooks.slack.com/x",
        "//hooks.slack.com/x",
        "hooks.slack.com/commands",
        "https://hooks.slack.com\\@attacker.example/",
        "",
        "http://127.0.0.1:8080/demo/slack/response/R1",      // the stand-in's, but no SLACK_API_URL
    }) {
      assertThat(SLACK.isSlack(url)).as(url).isFalse();
    }
    assertThat(SLACK.isSlack(null)).isFalse();
  }

  @Test
  void theConfiguredWebApisOriginIsAllowedAndOnlyIt() {
    assertThat(STAND_IN.isSlack("http://127.0.0.1:8080/demo/slack/response/R1")).isTrue();
    assertThat(STAND_IN.isSlack("http://127.0.0.1:8081/demo/slack/response/R1")).as("another port").isFalse();
    assertThat(STAND_IN.isSlack("https://127.0.0.1:8080/demo/slack/response/R1")).as("another scheme").isFalse();
    assertThat(STAND_IN.isSlack("http://localhost:8080/demo/slack/response/R1")).as("another host name").isFalse();
    assertThat(new ResponseUrls(Optional.of("https://slack.com/api/")).isSlack("https://slack.com/x")).isTrue();
    assertThat(new ResponseUrls(Optional.of("not a url")).isSlack("http://127.0.0.1/x")).isFalse();
  }
}
