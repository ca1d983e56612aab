package dev.canarybot.release;

import java.time.Instant;
import java.util.Objects;

/**
 * One transition of a release, as it is kept in the resource's history.
 *
 * @param fromWeight the canary weight before, or -1 when there was no release before
 * @param reason why, in plain words; cut to {@link #MAX_REASON} characters so that no reason,
 *     however long a person typed it, can swell the stored object
 */
public record HistoryEntry(
    Instant at,
    String actor,
    Action action,
    Phase fromPhase,
    Phase toPhase,
    int fromWeight,
    int toWeight,
    String reason) {

  /** Longest reason kept; longer ones end in an ellipsis. */
  public static final int MAX_REASON = 500;

  public HistoryEntry {
    Objects.requireNonNull(action, "action");
    if (reason != null && reason.length() > MAX_REASON) {
      reason = reason.substring(0, MAX_REASON - 1) + "…";
    }
  }

  /** "promoted by @alice at 10:02 UTC", used in refusals that point at what happened. */
  public String describe() {
    return action.pastTense() + " by " + actor + " at " + TimeText.clock(at);
  }
}
