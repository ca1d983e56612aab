package dev.canarybot.demo.slackapi;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The fake Slack Web API's failure switches, for tests only: the next calls of a method answer
 * 429 with Retry-After, or a server error. Installed with {@link #on(FakeSlackWebApi)}.
 */
public final class ForcedFailures implements FakeSlackWebApi.Interceptor {

  private final Map<String, Deque<FakeResponse>> pending = new HashMap<>();

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
  public synchronized ForcedFailures rateLimitNext(String method, int times, int retryAfterSeconds) {
    add(method, times, new FakeResponse(429,
        Map.of("Retry-After", String.valueOf(retryAfterSeconds),
            "Content-Type", "application/json; charset=utf-8"),
        "{\"ok\":false,\"error\":\"ratelimited\"}"));
    return this;
  }

  /** Answers the next {@code times} calls of {@code method} with a server error (5xx). */
  public synchronized ForcedFailures failNext(String method, int times, int status) {
    if (status < 500 || status > 599) {
      throw new IllegalArgumentException("a server error is 5xx, got " + status);
    }
    add(method, times, new FakeResponse(status, Map.of("Content-Type", "text/plain"),
        "fake Slack server error"));
    return this;
  }

  private void add(String method, int times, FakeResponse response) {
    Deque<FakeResponse> queue = pending.computeIfAbsent(method, m -> new ArrayDeque<>());
    for (int i = 0; i < times; i++) {
      queue.add(response);
    }
  }

  @Override
  public synchronized Optional<FakeResponse> before(String method) {
    Deque<FakeResponse> queue = pending.get(method);
    return queue == null ? Optional.empty() : Optional.ofNullable(queue.poll());
  }

  @Override
  public synchronized void reset() {
    pending.clear();
  }
}
