package dev.canarybot.release;

import java.time.Instant;

/**
 * One line of the freeze history kept in the cluster: who froze or unfroze what, when and why.
 *
 * @param froze true for a freeze, false for its lifting
 * @param namespace the namespace, or {@code null} for every managed namespace
 */
public record FreezeEvent(Instant at, String actor, boolean froze, String namespace, String reason) {
  public FreezeEvent {
    reason = reason == null ? "" : reason;
  }

  /** "frozen by @alice at 10:02 UTC (every managed namespace): incident 4711". */
  public String describe() {
    return (froze ? "frozen" : "unfrozen") + " by " + actor + " at " + TimeText.clock(at) + " ("
        + (namespace == null ? "every managed namespace" : "namespace " + namespace) + ")"
        + (reason.isEmpty() ? "" : ": " + reason);
  }
}
