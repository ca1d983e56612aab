package dev.canarybot.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canarybot.demo.DemoAccess.Rule;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Who may call which demo route, as values: this machine exactly, and the token where the page acts. */
class DemoAccessTest {
  static final DemoToken TOKEN = new DemoToken("t0ken-of-this-start");

  @ParameterizedTest(name = "{0} is local: {1}")
  @CsvSource({
      "127.0.0.1, true",
      "::1, true",
      "0:0:0:0:0:0:0:1, true",       // how Java spells ::1
      "127.0.0.6, false",            // an Istio sidecar forwards inbound traffic from here
      "127.0.0.2, false",
      "127.1.0.1, false",
      "::ffff:127.0.0.1, false",     // a mapped address is a dual-stack socket, not the loopback bind
      "10.0.0.7, false",
      "192.168.1.20, false",
      "fe80::1, false",
      "'', false",
  })
  void onlyThisMachinesLoopbackAddressesAreLocal(String address, boolean local) {
    assertThat(DemoAccess.isLocal(address)).isEqualTo(local);
  }

  @Test
  void anUnknownCallerIsNotLocal() {
    assertThat(DemoAccess.isLocal(null)).isFalse();
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
      "/demo, LOCAL_TOKEN_IN_URL",
      "/demo/, LOCAL_TOKEN_IN_URL",
      "/demo/page/api/state, LOCAL_TOKEN_IN_HEADER",
      "/demo/page/api/command, LOCAL_TOKEN_IN_HEADER",
      "/demo/page/api/click, LOCAL_TOKEN_IN_HEADER",
      "/demo/traffic, LOCAL_TOKEN_IN_HEADER",
      "/demo/traffic/, LOCAL_TOKEN_IN_HEADER",
      "/demo/pods, LOCAL_TOKEN_IN_HEADER",             // a knob added later needs the token without a line of its own
      "/demo/anything-new, LOCAL_TOKEN_IN_HEADER",
      "/demo/page/app.js, LOCAL",                      // loaded by a script tag, which cannot send a header
      "/demo/page/style.css, LOCAL",
      "/demo/mesh/metrics, LOCAL",                     // a Prometheus scrape
      "/demo/slack/api/chat.postMessage, LOCAL",       // the bot's own Web API stand-in, called with its bot token
      "/demo/slack/files/F1, LOCAL",                   // the page's chart images
      "/demo/slack/response/R1, LOCAL",
  })
  void everyRouteHasARuleAndOnlyTheListedOnesSkipTheToken(String path, Rule rule) {
    assertThat(DemoAccess.rule(path)).isEqualTo(rule);
  }

  @ParameterizedTest(name = "{0} from {1}, url token {2}, header token {3} -> {4}")
  @CsvSource(nullValues = "-", value = {
      "/demo, 127.0.0.1, t0ken-of-this-start, -, pass",
      "/demo, 127.0.0.1, -, t0ken-of-this-start, pass",
      "/demo, ::1, t0ken-of-this-start, -, pass",
      "/demo, 127.0.0.1, -, -, token",
      "/demo, 127.0.0.1, t0ken-of-another-start, -, token",
      "/demo, 127.0.0.6, t0ken-of-this-start, -, remote",
      "/demo/traffic, 127.0.0.1, -, t0ken-of-this-start, pass",
      "/demo/traffic, 127.0.0.1, t0ken-of-this-start, -, header",   // a cross-site form can put it in the URL, not in a header
      "/demo/traffic, 127.0.0.1, -, -, header",
      "/demo/page/api/command, 127.0.0.1, -, T0KEN-OF-THIS-START, header",
      "/demo/page/api/click, 10.0.0.7, -, t0ken-of-this-start, remote",
      "/demo/mesh/metrics, 127.0.0.1, -, -, pass",
      "/demo/mesh/metrics, 127.0.0.6, -, -, remote",
      "/demo/slack/api/auth.test, 127.0.0.1, -, -, pass",
      "/demo/slack/api/auth.test, 192.168.1.20, -, -, remote",
  })
  void theDecision(String path, String remote, String urlToken, String headerToken, String expected) {
    Optional<String> refusal = DemoAccess.refusal(path, remote, urlToken, headerToken, TOKEN);
    switch (expected) {
      case "pass" -> assertThat(refusal).isEmpty();
      case "remote" -> assertThat(refusal).get().asString()
          .startsWith("the demo answers this machine only (127.0.0.1 or ::1), not " + remote).contains("SSH tunnel");
      case "token" -> assertThat(refusal).get().asString()
          .contains("needs the token the demo printed at start").contains("/demo?token=");
      case "header" -> assertThat(refusal).get().asString().contains("needs the header X-Demo-Token");
      default -> throw new IllegalArgumentException(expected);
    }
    refusal.ifPresent(why -> assertThat(why).doesNotContain(TOKEN.value()));
  }

  @Test
  void everyStartHasItsOwnToken() {
    DemoToken one = new DemoToken();
    DemoToken other = new DemoToken();
    assertThat(one.value()).isNotEqualTo(other.value());
    // 24 random bytes in unpadded URL-safe Base64: 24 * 4 / 3 = 32 characters, no escaping in a URL.
    assertThat(one.value()).hasSize(32).matches("[A-Za-z0-9_-]+");
    assertThat(one.matches(one.value())).isTrue();
    assertThat(one.matches(other.value())).isFalse();
    assertThat(one.matches("")).isFalse();
    assertThat(one.matches(null)).isFalse();
  }
}
