package dev.canarybot.slack.inbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The replay memory: each signature once, forgotten when its window closes, never unbounded. */
class SeenSignaturesTest {
  static final Instant T = Instant.parse("2025-03-04T11:00:00Z");

  @Test
  void aSignatureIsFirstSeenOnce() {
    SeenSignatures seen = new SeenSignatures(10);
    assertThat(seen.firstSighting("v0=a", T.plusSeconds(300), T)).isTrue();
    assertThat(seen.firstSighting("v0=a", T.plusSeconds(300), T.plusSeconds(299))).isFalse();
    assertThat(seen.firstSighting("v0=b", T.plusSeconds(300), T)).isTrue();
  }

  @Test
  void itIsForgottenWhenItsWindowCloses() {
    SeenSignatures seen = new SeenSignatures(10);
    seen.firstSighting("v0=a", T.plusSeconds(300), T);
    seen.firstSighting("v0=b", T.plusSeconds(400), T);
    // At T+300 a's window is closed (the verifier refuses it as too old); b's is still open.
    assertThat(seen.firstSighting("v0=c", T.plusSeconds(600), T.plusSeconds(300))).isTrue();
    assertThat(seen.size()).as("b and c").isEqualTo(2);
    assertThat(seen.firstSighting("v0=b", T.plusSeconds(400), T.plusSeconds(300))).isFalse();
  }

  @Test
  void whenFullTheExpiredGoFirstThenTheOldest() {
    SeenSignatures seen = new SeenSignatures(2);
    seen.firstSighting("v0=far-ahead", T.plusSeconds(600), T); // signed 5 min ahead: head, open longest
    seen.firstSighting("v0=short", T.plusSeconds(100), T);
    // At T+200 "short" is expired though not at the head: it goes, not the open "far-ahead".
    assertThat(seen.firstSighting("v0=new", T.plusSeconds(500), T.plusSeconds(200))).isTrue();
    assertThat(seen.firstSighting("v0=far-ahead", T.plusSeconds(600), T.plusSeconds(200))).isFalse();
    // Full of open windows: the oldest ("far-ahead") is dropped to make room, never the newest.
    assertThat(seen.firstSighting("v0=newer", T.plusSeconds(500), T.plusSeconds(200))).isTrue();
    assertThat(seen.size()).isEqualTo(2);
    assertThat(seen.firstSighting("v0=newer", T.plusSeconds(500), T.plusSeconds(200))).isFalse();
    assertThat(seen.firstSighting("v0=new", T.plusSeconds(500), T.plusSeconds(200))).isFalse();
  }

  @Test
  void aCapacityBelowOneIsAMistake() {
    assertThatThrownBy(() -> new SeenSignatures(0)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least 1");
  }
}
