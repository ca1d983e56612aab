package dev.canarybot.slack.inbound;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Slack's v0 request signature, checked before Bolt sees the request: {@code v0=} + hex
 * HMAC-SHA256 of {@code v0:{timestamp}:{raw body}} with the signing secret, compared in constant
 * time; a timestamp less than 5 minutes from this server's clock on either side; each signature
 * taken once.
 *
 * <p>Why not Bolt's alone (1.51, read in its source): {@code App.buildDefaultMiddlewareList}
 * replaces an empty secret with the fixed key {@code ---}; {@code SlackSignature.TimestampVerifier}
 * only refuses {@code now - ts >= 5 min}, so any future timestamp passes; nothing remembers a
 * signature; {@code Verifier} compares with {@code String.equals} and logs the body at debug.
 */
public final class SignatureVerifier {
  /** Slack's window; the same boundary as Bolt's for the past, mirrored for the future. */
  public static final Duration WINDOW = Duration.ofMinutes(5);
  private static final Pattern SECONDS = Pattern.compile("[0-9]{1,12}");
  private static final String ALGORITHM = "HmacSHA256";

  /** What became of one request, with the words a refusal says. */
  public enum Verdict {
    ACCEPTED("accepted"),
    NO_SECRET("this bot takes no Slack requests over HTTP: no signing secret is configured"),
    UNSIGNED("the X-Slack-Request-Timestamp or X-Slack-Signature header is missing"),
    BAD_TIMESTAMP("X-Slack-Request-Timestamp is not a Unix time in seconds"),
    BAD_SIGNATURE("X-Slack-Signature does not match the body and the signing secret"),
    TOO_OLD("the request was signed 5 minutes ago or earlier; Slack signs each request as it sends it"),
    TOO_NEW("the request is signed 5 minutes or more in the future; check this server's clock"),
    REPLAYED("this signature was already taken; each Slack request is taken once");

    private final String reason;

    Verdict(String reason) {
      this.reason = reason;
    }

    public String reason() {
      return reason;
    }
  }

  private final SecretKeySpec key;
  private final Clock clock;
  private final SeenSignatures seen;

  private SignatureVerifier(SecretKeySpec key, Clock clock, SeenSignatures seen) {
    this.key = key;
    this.clock = clock;
    this.seen = seen;
  }

  /** Verifies with {@code secret}, remembering up to {@code remembered} signatures. */
  public static SignatureVerifier withSecret(String secret, Clock clock, int remembered) {
    if (secret == null || secret.isBlank()) {
      throw new IllegalArgumentException("a signing secret is required; use closed() without one");
    }
    return new SignatureVerifier(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM),
        clock, new SeenSignatures(remembered));
  }

  /** Refuses every request: there is no secret to verify with. */
  public static SignatureVerifier closed() {
    return new SignatureVerifier(null, null, null);
  }

  public boolean isClosed() {
    return key == null;
  }

  public Verdict check(String timestamp, String signature, byte[] body) {
    if (key == null) {
      return Verdict.NO_SECRET;
    }
    if (timestamp == null || signature == null) {
      return Verdict.UNSIGNED;
    }
    if (!SECONDS.matcher(timestamp).matches()) {
      return Verdict.BAD_TIMESTAMP;
    }
    byte[] expected = sign(timestamp, body).getBytes(StandardCharsets.US_ASCII);
    if (!MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.UTF_8))) {
      return Verdict.BAD_SIGNATURE;
    }
    Instant signedAt = Instant.ofEpochSecond(Long.parseLong(timestamp));
    Instant now = clock.instant();
    if (!signedAt.plus(WINDOW).isAfter(now)) {
      return Verdict.TOO_OLD;
    }
    if (!now.plus(WINDOW).isAfter(signedAt)) {
      return Verdict.TOO_NEW;
    }
    // Past signedAt + WINDOW the window refuses it anyway, so it need not be remembered longer.
    return seen.firstSighting(signature, signedAt.plus(WINDOW), now) ? Verdict.ACCEPTED : Verdict.REPLAYED;
  }

  /** {@code v0=} + hex HMAC-SHA256 of {@code v0:{timestamp}:} followed by the raw body bytes. */
  String sign(String timestamp, byte[] body) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(key);
      mac.update(("v0:" + timestamp + ":").getBytes(StandardCharsets.US_ASCII));
      return "v0=" + HexFormat.of().formatHex(mac.doFinal(body));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
    }
  }
}
