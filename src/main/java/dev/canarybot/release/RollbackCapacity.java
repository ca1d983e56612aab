package dev.canarybot.release;

import java.util.Arrays;
import java.util.Optional;

/** What a rollback does with the canary's replicas once its weight is 0 ({@code canary.rollback-capacity}). */
public enum RollbackCapacity {
  /** Back to the replicas it had when the release started. */
  START("start"),
  /** Down to zero replicas. */
  ZERO("zero"),
  /** Left as they are. */
  KEEP("keep");

  private final String word;

  RollbackCapacity(String word) {
    this.word = word;
  }

  public String word() {
    return word;
  }

  public static Optional<RollbackCapacity> of(String word) {
    return Arrays.stream(values()).filter(m -> m.word.equalsIgnoreCase(word)).findFirst();
  }
}
