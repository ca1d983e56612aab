package dev.canarybot.release;

import java.util.Arrays;
import java.util.Optional;

/** Whether the canary's replicas follow its weight ({@code canary.capacity}, {@code --capacity}). */
public enum CapacityMode {
  /** Before each weight, the canary is scaled to carry it and the move waits until it is ready. */
  MATCH_WEIGHT("match-weight"),
  /** The bot never scales the canary; a start needs at least one ready canary replica. */
  OFF("off");

  private final String word;

  CapacityMode(String word) {
    this.word = word;
  }

  public String word() {
    return word;
  }

  public static Optional<CapacityMode> of(String word) {
    return Arrays.stream(values()).filter(m -> m.word.equalsIgnoreCase(word)).findFirst();
  }
}
