package dev.canarybot.slack;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Values that are stand-ins, not credentials: the placeholders a Secret template once shipped and
 * the demo's fixed fakes. Outside the demo the bot refuses to start with one, so a placeholder
 * that overwrote a real Secret shows as a clear message, not as a bot that quietly posts nothing.
 */
public final class SlackPlaceholders {
  /** The README's command that creates the Secret the Deployment reads. */
  public static final String CREATE_SECRET = "kubectl -n canary-bot create secret generic canary-bot-slack "
      + "--from-literal=SLACK_BOT_TOKEN=xoxb-… --from-literal=SLACK_APP_TOKEN=xapp-… (Socket Mode; for HTTP mode "
      + "--from-literal=SLACK_SIGNING_SECRET=… instead of the app token), then kubectl -n canary-bot rollout restart "
      + "deployment/canary-bot; to replace an existing Secret, end the create with "
      + "--dry-run=client -o yaml | kubectl apply -f -";

  private static final Set<String> KNOWN = Set.of("xoxb-REPLACE", "REPLACE-ME", "xapp-REPLACE", "xoxb-demo", "demo-secret");

  private SlackPlaceholders() {}

  /** A known placeholder, or anything that says REPLACE in any case (no real token or secret does). */
  public static boolean isPlaceholder(String value) {
    String v = value.trim();
    return KNOWN.contains(v) || v.toUpperCase(Locale.ROOT).contains("REPLACE");
  }

  /**
   * Why the bot must not start with these settings, naming every variable that holds a
   * placeholder (never its value), or empty when none does.
   */
  public static Optional<String> refusal(SlackSettings settings) {
    Map<String, Optional<String>> byVariable = new LinkedHashMap<>();
    byVariable.put("SLACK_BOT_TOKEN", settings.botToken());
    byVariable.put("SLACK_SIGNING_SECRET", settings.signingSecret());
    byVariable.put("SLACK_APP_TOKEN", settings.appToken());
    String named = String.join(", ", byVariable.entrySet().stream()
        .filter(e -> e.getValue().filter(SlackPlaceholders::isPlaceholder).isPresent()).map(Map.Entry::getKey).toList());
    if (named.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of("a placeholder, not a Slack credential, in " + named + ": canary-bot does not start with "
        + "placeholders outside the demo. Create the Secret with the real values: " + CREATE_SECRET);
  }
}
