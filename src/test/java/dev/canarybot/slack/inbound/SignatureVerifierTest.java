package dev.canarybot.slack.inbound;

import static dev.canarybot.slack.inbound.SignatureVerifier.Verdict.ACCEPTED;
import static dev.canarybot.slack.inbound.SignatureVerifier.Verdict.BAD_SIGNATURE;
import static dev.canarybot.slack.inbound.SignatureVerifier.Verdict.BAD_TIMESTAMP;
import static dev.canarybot.slack.inbound.SignatureVerifier.Verdict.NO_SECRET;
import static dev.canarybot.slack.inbound.SignatureVerifier.Verdict.REPLAYED;
import static dev.canarybot.slack.inbound.SignatureVerifier.Verdict.TOO_NEW;
import static dev.canarybot.slack.inbound.SignatureVerifier.Verdict.TOO_OLD;
import static dev.canarybot.slack.inbound.SignatureVerifier.Verdict.UNSIGNED;
import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.app_backend.SlackSignature;
import dev.canarybot.testing.MutableClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The edge's signature check, one behaviour per test, on a clock that moves only when told. */
class SignatureVerifierTest {
  // Slack's worked example ("Verifying requests from Slack"): secret, timestamp, body, signature.
  static final String SLACK_SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
  static final String SLACK_TS = "1531420618";
  static final String SLACK_BODY = "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow"
      + "&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner"
      + "&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J"
      + "%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c";
  static final String SLACK_SIGNATURE = "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503";

  static final String SECRET = "test-signing-secret";
  /** MutableClock.START, 2025-03-04T11:00:00Z, is 1741086000 s after the epoch. */
  static final long NOW = 1_741_086_000L;
  static final byte[] BODY = "command=%2Fcanary&text=help".getBytes(StandardCharsets.UTF_8);

  MutableClock clock;
  SignatureVerifier verifier;

  @BeforeEach
  void fresh() {
    clock = new MutableClock();
    verifier = SignatureVerifier.withSecret(SECRET, clock, 100);
  }

  static String signed(long ts, byte[] body) {
    return new SlackSignature.Generator(SECRET).generate(String.valueOf(ts),
        new String(body, StandardCharsets.UTF_8));
  }

  SignatureVerifier.Verdict at(long ts) {
    return verifier.check(String.valueOf(ts), signed(ts, BODY), BODY);
  }

  @Test
  void slacksWorkedExampleIsAccepted() {
    clock.set(Instant.ofEpochSecond(1_531_420_618L).plusSeconds(10));
    SignatureVerifier slack = SignatureVerifier.withSecret(SLACK_SECRET, clock, 100);
    assertThat(slack.check(SLACK_TS, SLACK_SIGNATURE, SLACK_BODY.getBytes(StandardCharsets.UTF_8)))
        .isEqualTo(ACCEPTED);
  }

  @Test
  void theWindowIsUnderFiveMinutesOnEitherSide() {
    assertThat(at(NOW)).isEqualTo(ACCEPTED);
    assertThat(at(NOW - 299)).as("4 min 59 s old").isEqualTo(ACCEPTED);
    assertThat(at(NOW - 300)).as("5 min old: Bolt's boundary").isEqualTo(TOO_OLD);
    assertThat(at(NOW - 6 * 60)).isEqualTo(TOO_OLD);
    assertThat(at(NOW + 299)).as("4 min 59 s ahead").isEqualTo(ACCEPTED);
    assertThat(at(NOW + 300)).as("5 min ahead").isEqualTo(TOO_NEW);
    assertThat(at(NOW + 60 * 60)).as("an hour ahead").isEqualTo(TOO_NEW);
  }

  @Test
  void aForgeryIsRefusedWhateverItsTimestamp() {
    String ts = String.valueOf(NOW);
    String otherKey = new SlackSignature.Generator("---").generate(ts, new String(BODY, StandardCharsets.UTF_8));
    assertThat(verifier.check(ts, otherKey, BODY)).isEqualTo(BAD_SIGNATURE);
    assertThat(verifier.check(ts, signed(NOW, BODY).toUpperCase(), BODY)).isEqualTo(BAD_SIGNATURE);
    assertThat(verifier.check(ts, signed(NOW, BODY).replace("v0=", "v1="), BODY)).isEqualTo(BAD_SIGNATURE);
    assertThat(verifier.check(ts, "v0=", BODY)).isEqualTo(BAD_SIGNATURE);
    assertThat(verifier.check(ts, signed(NOW, BODY), "command=%2Fcanary&text=start".getBytes(StandardCharsets.UTF_8)))
        .as("the body changed after signing").isEqualTo(BAD_SIGNATURE);
    assertThat(verifier.check(String.valueOf(NOW - 1), signed(NOW, BODY), BODY))
        .as("the timestamp changed after signing").isEqualTo(BAD_SIGNATURE);
  }

  @Test
  void missingOrMalformedHeadersAreRefused() {
    assertThat(verifier.check(null, signed(NOW, BODY), BODY)).isEqualTo(UNSIGNED);
    assertThat(verifier.check(String.valueOf(NOW), null, BODY)).isEqualTo(UNSIGNED);
    for (String ts : new String[] {"", "abc", "-5", "+1741086000", "1741086000.5", "1741086000,1741086000",
        "1234567890123"}) {
      assertThat(verifier.check(ts, signed(NOW, BODY), BODY)).as("timestamp '%s'", ts).isEqualTo(BAD_TIMESTAMP);
    }
  }

  @Test
  void theSignatureCoversTheRawBytes() {
    // Not UTF-8: the HMAC is over the bytes as sent, not over some decoding of them.
    byte[] latin1 = "text=caf\u00e9".getBytes(StandardCharsets.ISO_8859_1);
    String expected = verifier.sign(String.valueOf(NOW), latin1);
    assertThat(verifier.check(String.valueOf(NOW), expected, latin1)).isEqualTo(ACCEPTED);
    assertThat(verifier.check(String.valueOf(NOW), expected, "text=caf\u00e9".getBytes(StandardCharsets.UTF_8)))
        .isEqualTo(BAD_SIGNATURE);
  }

  @Test
  void aSignatureIsTakenOnce() {
    String ts = String.valueOf(NOW);
    String signature = signed(NOW, BODY);
    assertThat(verifier.check(ts, signature, BODY)).isEqualTo(ACCEPTED);
    assertThat(verifier.check(ts, signature, BODY)).isEqualTo(REPLAYED);
    clock.advance(Duration.ofMinutes(4));
    assertThat(verifier.check(ts, signature, BODY)).as("4 minutes later").isEqualTo(REPLAYED);
    clock.advance(Duration.ofMinutes(1));
    assertThat(verifier.check(ts, signature, BODY)).as("once the window refuses it").isEqualTo(TOO_OLD);
  }

  @Test
  void onlyAcceptedSignaturesAreRemembered() {
    // A refused forgery must not make the genuine request look like a replay.
    String ts = String.valueOf(NOW + 301);
    assertThat(verifier.check(ts, signed(NOW + 301, BODY), BODY)).isEqualTo(TOO_NEW);
    clock.advance(Duration.ofSeconds(2));
    assertThat(verifier.check(ts, signed(NOW + 301, BODY), BODY)).isEqualTo(ACCEPTED);
  }

  @Test
  void withoutASecretEverythingIsRefused() {
    SignatureVerifier closed = SignatureVerifier.closed();
    String ts = String.valueOf(NOW);
    String withDashes = new SlackSignature.Generator("---").generate(ts, new String(BODY, StandardCharsets.UTF_8));
    assertThat(closed.check(ts, withDashes, BODY)).isEqualTo(NO_SECRET);
    assertThat(closed.check(ts, signed(NOW, BODY), BODY)).isEqualTo(NO_SECRET);
    assertThat(closed.check(null, null, new byte[0])).isEqualTo(NO_SECRET);
    assertThat(closed.isClosed()).isTrue();
  }
}
