package dev.canarybot.service;

import dev.canarybot.release.CapacityMode;
import dev.canarybot.release.TestersMatch;
import dev.canarybot.service.port.TargetQuery;
import java.util.List;

/**
 * A request to start a release. {@code steps} null means the configured default; the target
 * fields narrow resolution as in {@link TargetQuery}.
 *
 * @param cardChannel where the release's card is posted, or {@code null} for no card
 * @param checks names of configured checks ({@code canary.checks.<name>}) the release is judged by
 * @param capacity {@code --capacity}, or {@code null} for the setting {@code canary.capacity}
 * @param testers {@code --testers}, or {@code null} for no testers' route
 */
public record StartRequest(String actor, TargetQuery query, List<Integer> steps, boolean autoRollback,
    String cardChannel, List<String> checks, CapacityMode capacity, TestersMatch testers) {

  public StartRequest {
    checks = checks == null ? List.of() : List.copyOf(checks);
  }

  /** A start without testers. */
  public StartRequest(String actor, TargetQuery query, List<Integer> steps, boolean autoRollback,
      String cardChannel, List<String> checks, CapacityMode capacity) {
    this(actor, query, steps, autoRollback, cardChannel, checks, capacity, null);
  }

  /** A start without custom checks, with the configured capacity mode. */
  public StartRequest(String actor, TargetQuery query, List<Integer> steps, boolean autoRollback,
      String cardChannel) {
    this(actor, query, steps, autoRollback, cardChannel, List.of(), null);
  }

  /** A start with the configured capacity mode. */
  public StartRequest(String actor, TargetQuery query, List<Integer> steps, boolean autoRollback,
      String cardChannel, List<String> checks) {
    this(actor, query, steps, autoRollback, cardChannel, checks, null);
  }

  /** A start without custom checks. */
  public StartRequest(String actor, TargetQuery query, List<Integer> steps, boolean autoRollback,
      String cardChannel, CapacityMode capacity) {
    this(actor, query, steps, autoRollback, cardChannel, List.of(), capacity);
  }

  /** A start without a card (tests and tools that watch the cluster only). */
  public StartRequest(String actor, TargetQuery query, List<Integer> steps, boolean autoRollback) {
    this(actor, query, steps, autoRollback, null);
  }
}
