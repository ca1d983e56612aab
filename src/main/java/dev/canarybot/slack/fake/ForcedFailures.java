package dev.canarybot.slack.fake;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Failures a test asked for: the next calls of a method answer 429 or 5xx. Not thread-safe. */
final class ForcedFailures {

  private final Map<String, Deque<FakeResponse>> pending = new HashMap<>();

  void add(String method, int times, FakeResponse response) {
    Deque<FakeResponse> queue = pending.computeIfAbsent(method, m -> new ArrayDeque<>());
    for (int i = 0; i < times; i++) {
      queue.add(response);
    }
  }

  Optional<FakeResponse> take(String method) {
    Deque<FakeResponse> queue = pending.get(method);
    return queue == null ? Optional.empty() : Optional.ofNullable(queue.poll());
  }

  void clear() {
    pending.clear();
  }
}
