package dev.canarybot.testing;

import dev.canarybot.slack.fake.FakeSlackServer;
import dev.canarybot.slack.fake.FakeSlackWebApi;
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

  private static volatile FakeSlackServer server;

  public static FakeSlackWebApi api() {
    return server.api();
  }

  @Override
  public Map<String, String> start() {
    try {
      server = FakeSlackServer.start(new FakeSlackWebApi(TOKEN, Clock.systemUTC()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Map.of(
        "slack.bot-token", TOKEN,
        "slack.signing-secret", SECRET,
        "slack.api-url", server.methodsUrlPrefix(),
        "slack.retry-first-wait", "50ms",
        "slack.retry-max-wait", "200ms");
  }

  @Override
  public void stop() {
    if (server != null) {
      server.close();
    }
  }
}
