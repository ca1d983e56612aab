package dev.canarybot.release;

import java.time.Instant;
import java.util.Objects;

/**
 * A stop of the line: no release in its scope starts, is promoted or cleaned up until an
 * approver lifts it.
 *
 * @param namespace the one namespace frozen, or {@code null} for every managed namespace
 * @param actor who froze, as a Slack mention
 * @param reason what the person typed, or empty; cut to {@link #MAX_REASON}, so the pause it
 *     writes fits a history entry whole
 */
public record Freeze(String namespace, String actor, Instant at, String reason) {
  /** The history reason of the pause a freeze makes; a person's pause never carries it. */
  static final String PAUSE_PREFIX = "frozen: ";
  public static final int MAX_REASON = 300;

  public Freeze {
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(at, "at");
    reason = reason == null ? "" : reason.strip();
    if (reason.length() > MAX_REASON) {
      reason = reason.substring(0, MAX_REASON - 1) + "…";
    }
  }

  /** Whether this freeze stops releases in {@code ns}. */
  public boolean covers(String ns) {
    return namespace == null || namespace.equals(ns);
  }

  /** "every managed namespace" or "namespace shop". */
  public String scope() {
    return namespace == null ? "every managed namespace" : "namespace " + namespace;
  }

  /**
   * "frozen by @alice at 10:02 UTC: incident 4711 — `/canary unfreeze` (approvers) lifts it";
   * the reason is a person's text: the caller escapes it for mrkdwn.
   */
  public String refusal() {
    return "frozen by " + actor + " at " + TimeText.clock(at) + (reason.isEmpty() ? "" : ": " + reason)
        + " — `/canary unfreeze" + (namespace == null ? "" : " -n " + namespace)
        + "` (approvers) lifts it";
  }

  /** The reason written into the history of every release this freeze paused. */
  public String pauseReason() {
    return PAUSE_PREFIX + scope() + (reason.isEmpty() ? "" : " — " + reason);
  }

  /**
   * Whether {@code r} is paused by this freeze and nobody touched it since: its last pause is
   * the one this freeze wrote (its actor and reason, not before it froze). A release a person
   * paused, before or during the freeze, is not.
   */
  public boolean paused(CanaryRelease r) {
    if (r.phase() != Phase.Paused) {
      return false;
    }
    HistoryEntry last = r.status().lastOf(Action.PAUSE, Action.DRIFT, Action.RESUME);
    return last != null && last.action() == Action.PAUSE && last.actor().equals(actor)
        && !last.at().isBefore(at) && pauseReason().equals(last.reason());
  }
}
