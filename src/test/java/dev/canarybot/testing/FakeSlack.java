package dev.canarybot.testing;

import dev.canarybot.demo.slackapi.FakeSlackServer;
import dev.canarybot.demo.slackapi.FakeSlackWebApi;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.Map;

/**
 * Starts the fake Slack Web API before Quarkus (the bot calls auth.test at start) and points
 * the bot at it. Tests reach it through {@link #api()}.
 */
public class FakeSlack implements QuarkusTestResourceLifecycleManager {
  public static final String TOKEN = "xoxb-test";
  public static final String SECRET = "test-signing-secret";
  public static final String CHANNEL = "C0CANARY";

  public static final String APP_TOKEN = "xapp-test";

  private static volatile FakeSlackServer server;
  private static volatile FakeSlackSocket socket;
  private boolean socketMode;
  private boolean signingSecret;

  public static FakeSlackWebApi api() {
    return server.api();
  }

  /** Slack's side of Socket Mode, when the test resource was started with {@code socket-mode=true}. */
  public static FakeSlackSocket socket() {
    return socket;
  }

  @Override
  public void init(Map<String, String> initArgs) {
    socketMode = Boolean.parseBoolean(initArgs.getOrDefault("socket-mode", "false"));
    signingSecret = Boolean.parseBoolean(initArgs.getOrDefault("signing-secret", "true"));
  }

  @Override
  public Map<String, String> start() {
    try {
      server = FakeSlackServer.start(new FakeSlackWebApi(TOKEN, Clock.systemUTC()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Map<String, String> config = new java.util.HashMap<>(Map.of(
        "slack.bot-token", TOKEN,
        "slack.api-url", server.methodsUrlPrefix(),
        "slack.retry-first-wait", "50ms",
        "slack.retry-max-wait", "200ms"));
    if (signingSecret) {
      config.put("slack.signing-secret", SECRET);
    }
    if (socketMode) {
      socket = new FakeSlackSocket();
      socket.start();
      server.api().setSocketMode(APP_TOKEN, socket.url());
      config.put("slack.app-token", APP_TOKEN);
    }
    return config;
  }

  @Override
  public void stop() {
    if (server != null) {
      server.close();
    }
    if (socket != null) {
      try {
        socket.stop(1000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      socket = null;
    }
  }
}
