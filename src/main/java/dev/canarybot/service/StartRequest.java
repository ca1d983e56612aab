package dev.canarybot.service;

import dev.canarybot.release.CapacityMode;
import dev.canarybot.service.port.TargetQuery;
import java.util.List;

/**
 * A request to start a release. {@code steps} null means the configured default; the target
 * fields narrow resolution as in {@link TargetQuery}.
 *
 * @param cardChannel where the release's card is posted, or {@code null} for no card
 * @param capacity {@code --capacity}, or {@code null} for the setting {@code canary.capacity}
 */
public record StartRequest(String actor, TargetQuery query, List<Integer> steps, boolean autoRollback,
    String cardChannel, CapacityMode capacity) {

  /** A start with the configured capacity mode. */
  public StartRequest(String actor, TargetQuery query, List<Integer> steps, boolean autoRollback,
      String cardChannel) {
    this(actor, query, steps, autoRollback, cardChannel, null);
  }

  /** A start without a card (tests and tools that watch the cluster only). */
  public StartRequest(String actor, TargetQuery query, List<Integer> steps, boolean autoRollback) {
    this(actor, query, steps, autoRollback, null);
  }
}
