package dev.canarybot.slack.inbound;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * Which {@code response_url} the bot may call. Slack's always start with
 * {@code https://hooks.slack.com/}; the only other origin allowed is that of the configured
 * {@code SLACK_API_URL}, where tests and the demo serve their stand-in. Anything else would
 * make the bot post its answers (release names, who may do what) wherever a payload says.
 */
final class ResponseUrls {
  private static final Origin SLACK_HOOKS = new Origin("https", "hooks.slack.com", 443);
  private final Optional<Origin> api;

  ResponseUrls(Optional<String> apiUrl) {
    this.api = apiUrl.flatMap(ResponseUrls::origin);
  }

  boolean isSlack(String url) {
    Optional<Origin> origin = url == null ? Optional.empty() : origin(url);
    return origin.isPresent() && (origin.get().equals(SLACK_HOOKS) || origin.equals(api));
  }

  /** Scheme, host and port of an absolute http(s) URL without user info. */
  private record Origin(String scheme, String host, int port) {}

  private static Optional<Origin> origin(String url) {
    URI u;
    try {
      u = new URI(url.trim());
    } catch (URISyntaxException e) {
      return Optional.empty();
    }
    String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
    if (!(scheme.equals("https") || scheme.equals("http")) || u.getHost() == null
        || u.getRawUserInfo() != null) {
      return Optional.empty();
    }
    int port = u.getPort() != -1 ? u.getPort() : scheme.equals("https") ? 443 : 80;
    return Optional.of(new Origin(scheme, u.getHost().toLowerCase(Locale.ROOT), port));
  }
}
