package dev.canarybot.slack;

import java.util.Locale;
import java.util.Optional;

/**
 * What the signing secret that is configured means for {@code /slack/events}: verify with it,
 * refuse every request (closed), or refuse to start. A missing or placeholder secret never
 * means open: Bolt 1.51, handed an empty one, verifies with the fixed key {@code ---}.
 */
public final class SigningSecretPolicy {
  /** The secret the demo profile ships with; outside the demo it is public knowledge. */
  public static final String DEMO_SECRET = "demo-secret";

  private SigningSecretPolicy() {}

  /** The decision, as a value. */
  public sealed interface Outcome {}

  /** Every HTTP request is verified with this secret. */
  public record Verify(String secret) implements Outcome {
    @Override
    public String toString() {
      return "Verify[secret hidden]";
    }
  }

  /** Every HTTP request is refused; {@code why} is logged once at start. */
  public record Closed(String why) implements Outcome {}

  /** The app must not start; {@code why} says which variable to set. */
  public record Refuse(String why) implements Outcome {}

  public static Outcome decide(SlackSettings settings, boolean demo) {
    return decide(settings.signingSecret(), settings.botToken().isPresent(),
        settings.appToken().isPresent(), demo);
  }

  public static Outcome decide(Optional<String> secret, boolean botToken, boolean appToken, boolean demo) {
    Optional<String> unusable = problem(secret, demo);
    if (unusable.isEmpty()) {
      return new Verify(secret.orElseThrow());
    }
    if (botToken && !appToken && !demo) {
      return new Refuse("SLACK_SIGNING_SECRET " + unusable.get() + ", and SLACK_APP_TOKEN is not set: "
          + "nothing could tell Slack's requests from anyone else's. Set SLACK_SIGNING_SECRET to the "
          + "Signing Secret on the Slack app's Basic Information page (HTTP mode), or SLACK_APP_TOKEN "
          + "to an app-level token (Socket Mode).");
    }
    String because = appToken
        ? "Socket Mode carries Slack's requests and SLACK_SIGNING_SECRET " + unusable.get()
        : "SLACK_SIGNING_SECRET " + unusable.get();
    return new Closed("/slack/events refuses every request with 401: " + because
        + " (set it to the Slack app's Signing Secret to take Slack's requests over HTTP)");
  }

  /** Why this secret cannot be used, or empty when it can. */
  static Optional<String> problem(Optional<String> secret, boolean demo) {
    if (secret.isEmpty() || secret.get().isBlank()) {
      return Optional.of("is not set");
    }
    String value = secret.get().trim();
    if (value.toUpperCase(Locale.ROOT).contains("REPLACE")) {
      return Optional.of("is still the placeholder of manifests/base/secret.yaml");
    }
    if (value.equals(DEMO_SECRET) && !demo) {
      return Optional.of("is the demo's published value");
    }
    return Optional.empty();
  }
}
