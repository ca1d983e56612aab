package dev.canarybot.demo;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Optional;

/**
 * Whether the demo may run on the address the HTTP server will listen on: loopback only, whatever
 * {@code quarkus.http.host} says (an environment variable outranks the demo profile's 127.0.0.1),
 * because the page can act as any Slack user and the per-request checks are a second wall, not the first.
 */
final class DemoBinding {
  private DemoBinding() {}

  /** Why the demo refuses to start on {@code host}, or empty when every address it names is loopback. */
  static Optional<String> refusal(String host) {
    if (host == null || host.isBlank()) {
      return Optional.of(refuse("no address", "an empty quarkus.http.host"));
    }
    InetAddress[] addresses;
    try {
      // A literal address is parsed, not looked up; a name such as localhost is resolved.
      addresses = InetAddress.getAllByName(host.trim());
    } catch (UnknownHostException e) {
      return Optional.of(refuse(host, "a name that does not resolve"));
    }
    if (Arrays.stream(addresses).allMatch(InetAddress::isLoopbackAddress)) {
      return Optional.empty();
    }
    return Optional.of(refuse(host, "not a loopback address"));
  }

  private static String refuse(String host, String what) {
    return "the demo refuses to start: the HTTP server would listen on " + host + " (quarkus.http.host), "
        + what + ", and the demo's page can act as any Slack user. Run it on loopback: unset QUARKUS_HTTP_HOST "
        + "or set it to 127.0.0.1 (the demo profile's own value), and reach it from elsewhere through an SSH "
        + "tunnel or kubectl port-forward. To run the bot without the demo, set CANARY_DEMO_ENABLED=false.";
  }
}
