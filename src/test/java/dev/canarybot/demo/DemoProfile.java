package dev.canarybot.demo;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;

/**
 * The demo exactly as {@code quarkus:dev} runs it (the demo profile), on free ports so it can
 * share a machine with other test runs. The bot reaches the stand-in Slack over its own HTTP
 * port, so that port must be known before the app starts.
 */
public class DemoProfile implements QuarkusTestProfile {
  static final int HTTP_PORT = freePort();
  static final int KUBERNETES_PORT = freePort();

  @Override
  public String getConfigProfile() {
    return "demo";
  }

  @Override
  public Map<String, String> getConfigOverrides() {
    return Map.of(
        "quarkus.http.test-port", String.valueOf(HTTP_PORT),
        "canary.demo.kubernetes-port", String.valueOf(KUBERNETES_PORT),
        "slack.api-url", "http://127.0.0.1:" + HTTP_PORT + "/demo/slack/api/",
        "quarkus.log.category.\"io.fabric8.mockwebserver\".level", "WARN");
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
