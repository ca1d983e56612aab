package dev.canarybot.demo.slackapi;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The fake Slack Web API's failure switches, for tests only: the next calls of a method (in any
 * channel, or in one) answer 429 with Retry-After, or a server error. Installed with
 * {@link #on(FakeSlackWebApi)}.
 */
public final class ForcedFailures implements FakeSlackWebApi.Interceptor {

  /** One forced answer; {@code channel} null matches every channel. */
  private record Rule(String method, String channel, FakeResponse response) {}

  private final List<Rule> pending = new ArrayList<>();

  private ForcedFailures() {}

  /** The switches of {@code api}, installed on first use. */
  public static synchronized ForcedFailures on(FakeSlackWebApi api) {
    ForcedFailures installed = INSTALLED.get(api);
    if (installed == null) {
      installed = new ForcedFailures();
      INSTALLED.put(api, installed);
      api.intercept(installed);
    }
    return installed;
  }

  private static final Map<FakeSlackWebApi, ForcedFailures> INSTALLED = new java.util.WeakHashMap<>();

  /** Answers the next {@code times} calls of {@code method} with 429 and Retry-After. */
  public ForcedFailures rateLimitNext(String method, int times, int retryAfterSeconds) {
    return rateLimitNextIn(null, method, times, retryAfterSeconds);
  }

  /** As {@link #rateLimitNext}, for calls to {@code channel} only. */
  public synchronized ForcedFailures rateLimitNextIn(String channel, String method, int times,
      int retryAfterSeconds) {
    add(method, channel, times, new FakeResponse(429,
        Map.of("Retry-After", String.valueOf(retryAfterSeconds),
            "Content-Type", "application/json; charset=utf-8"),
        "{\"ok\":false,\"error\":\"ratelimited\"}"));
    return this;
  }

  /** Answers the next {@code times} calls of {@code method} with a server error (5xx). */
  public ForcedFailures failNext(String method, int times, int status) {
    return failNextIn(null, method, times, status);
  }

  /** As {@link #failNext}, for calls to {@code channel} only. */
  public synchronized ForcedFailures failNextIn(String channel, String method, int times, int status) {
    if (status < 500 || status > 599) {
      throw new IllegalArgumentException("a server error is 5xx, got " + status);
    }
    add(method, channel, times, new FakeResponse(status, Map.of("Content-Type", "text/plain"),
        "fake Slack server error"));
    return this;
  }

  private void add(String method, String channel, int times, FakeResponse response) {
    for (int i = 0; i < times; i++) {
      pending.add(new Rule(method, channel, response));
    }
  }

  @Override
  public synchronized Optional<FakeResponse> before(String method, Map<String, String> params) {
    String channel = params.getOrDefault("channel", params.get("channel_id"));
    for (Iterator<Rule> it = pending.iterator(); it.hasNext(); ) {
      Rule rule = it.next();
      if (rule.method().equals(method) && (rule.channel() == null || rule.channel().equals(channel))) {
        it.remove();
        return Optional.of(rule.response());
      }
    }
    return Optional.empty();
  }

  @Override
  public synchronized void reset() {
    pending.clear();
  }
}
