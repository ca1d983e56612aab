package dev.canarybot.demo;

import java.util.Optional;
import java.util.Set;

/**
 * Who may call which demo route, decided without Vert.x so it is tested as a value. Every route
 * answers this machine only; the page and everything that acts also need the per-start token, so
 * a web page open in the developer's browser (cross-site, or through DNS rebinding) cannot act.
 */
final class DemoAccess {
  /** The header the page's script sends the token in; a cross-site form or image cannot set it. */
  static final String TOKEN_HEADER = "X-Demo-Token";
  /** The query parameter of the page's own URL, the one the demo prints at start. */
  static final String TOKEN_PARAM = "token";

  /**
   * Exactly this machine's loopback addresses, as Vert.x reports them. Not all of 127/8: an
   * Istio sidecar forwards inbound traffic from 127.0.0.6, so that caller is the network.
   */
  private static final Set<String> LOCAL = Set.of("127.0.0.1", "::1", "0:0:0:0:0:0:0:1");

  /** What a route asks of its caller. */
  enum Rule {
    /** This machine only: the bot's own Web API stand-in, the metrics scrape, the page's static files. */
    LOCAL,
    /** This machine and the token in the URL (or the header): the page itself. */
    LOCAL_TOKEN_IN_URL,
    /** This machine and the token in the header: the page's API and every knob. */
    LOCAL_TOKEN_IN_HEADER
  }

  private DemoAccess() {}

  static boolean isLocal(String remoteAddress) {
    return remoteAddress != null && LOCAL.contains(remoteAddress);
  }

  /** A route not listed as local-only needs the token, so a route added later is guarded too. */
  static Rule rule(String path) {
    if (path.equals("/demo") || path.equals("/demo/")) {
      return Rule.LOCAL_TOKEN_IN_URL;
    }
    if (path.startsWith("/demo/page/api/")) {
      return Rule.LOCAL_TOKEN_IN_HEADER;
    }
    if (path.startsWith("/demo/page/") || path.startsWith("/demo/mesh/") || path.startsWith(DemoSlack.BASE_PATH)) {
      return Rule.LOCAL;
    }
    return Rule.LOCAL_TOKEN_IN_HEADER;
  }

  /** Why the request is refused (the guard answers 403 with it), or empty to let it through. */
  static Optional<String> refusal(String path, String remoteAddress, String urlToken, String headerToken,
      DemoToken token) {
    if (!isLocal(remoteAddress)) {
      return Optional.of("the demo answers this machine only (127.0.0.1 or ::1), not "
          + remoteAddress + ": open it on the machine that runs it, or through an SSH tunnel or kubectl port-forward");
    }
    return switch (rule(path)) {
      case LOCAL -> Optional.empty();
      case LOCAL_TOKEN_IN_URL -> token.matches(urlToken) || token.matches(headerToken) ? Optional.empty()
          : Optional.of("the demo's page needs the token the demo printed at start: "
              + "open the URL from its log (…/demo?token=…); a restarted demo prints a new one");
      case LOCAL_TOKEN_IN_HEADER -> token.matches(headerToken) ? Optional.empty()
          : Optional.of("the demo's API needs the header " + TOKEN_HEADER
              + " with the token the demo printed at start (its log shows a curl line with it)");
    };
  }
}
