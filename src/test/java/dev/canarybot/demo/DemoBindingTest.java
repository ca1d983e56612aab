package dev.canarybot.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The demo starts on loopback only, whatever quarkus.http.host (or QUARKUS_HTTP_HOST) says. */
class DemoBindingTest {

  @ParameterizedTest
  @ValueSource(strings = {"127.0.0.1", "::1", "localhost", "127.0.0.2"})
  void loopbackStarts(String host) {
    assertThat(DemoBinding.refusal(host)).isEmpty();
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource({
      "0.0.0.0, not a loopback address",   // the image's and production's bind: every interface
      "::, not a loopback address",
      "10.0.0.7, not a loopback address",
      "192.168.1.20, not a loopback address",
      "' ', an empty quarkus.http.host",
  })
  void anythingElseRefusesAndSaysHowToRunIt(String host, String why) {
    assertThat(DemoBinding.refusal(host)).get().asString()
        .startsWith("the demo refuses to start: the HTTP server would listen on ")
        .contains("(quarkus.http.host), " + why)
        .contains("unset QUARKUS_HTTP_HOST or set it to 127.0.0.1")
        .contains("CANARY_DEMO_ENABLED=false");
  }
}
