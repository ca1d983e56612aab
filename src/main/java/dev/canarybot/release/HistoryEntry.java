package dev.canarybot.release;

import java.time.Instant;

/**
 * One transition of a release, as it is kept forever in the resource's history.
 *
 * @param action the command that made it: start, promote, rollback, pause, resume, drift,
 *     complete, cleanup, fail, and retired (the bot saw the old version gone)
 * @param fromWeight the canary weight before, or -1 when there was no release before
 */
public record HistoryEntry(
    Instant at,
    String actor,
    String action,
    Phase fromPhase,
    Phase toPhase,
    int fromWeight,
    int toWeight,
    String reason) {

  /** "promoted by @alice at 10:02 UTC", used in refusals that point at what happened. */
  public String describe() {
    return pastTense(action) + " by " + actor + " at " + TimeText.clock(at);
  }

  private static String pastTense(String action) {
    return switch (action) {
      case "start" -> "started";
      case "promote" -> "promoted";
      case "rollback" -> "rolled back";
      case "pause" -> "paused";
      case "resume" -> "resumed";
      case "drift" -> "paused for drift";
      case "complete" -> "completed";
      case "cleanup" -> "cleaned up";
      case "fail" -> "marked failed";
      case "retired" -> "retired";
      default -> action;
    };
  }
}
