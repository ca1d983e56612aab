package dev.canarybot.release;

import java.util.Optional;

/**
 * What a history entry records, named once with all its words: the lowercase word stored in the
 * CanaryRelease, the past tense of refusals ("promoted by …"), the verb of the card's thread
 * line, the reason of its Kubernetes Event, and whether that Event is a warning.
 */
public enum Action {
  START("start", "started", "started", "Started", false),
  PROMOTE("promote", "promoted", "promoted", "Promoted", false),
  ROLLBACK("rollback", "rolled back", "rolled back", "RolledBack", true),
  PAUSE("pause", "paused", "paused", "Paused", false),
  RESUME("resume", "resumed", "resumed", "Resumed", false),
  DRIFT("drift", "paused for drift", "paused", "Drifted", true),
  COMPLETE("complete", "completed", "completed", "Completed", false),
  CLEANUP("cleanup", "cleaned up", "cleaned up", "CleanedUp", false),
  /** The bot saw the old version gone after a cleanup: a confirmation, not a move. */
  RETIRED("retired", "retired", "retired the old version of", "Retired", false),
  FAIL("fail", "marked failed", "marked failed", "Failed", true),
  /** The testers' header changed: no move of the weights. */
  TESTERS("testers", "testers changed", "changed the testers of", "TestersChanged", false);

  private final String word;
  private final String pastTense;
  private final String threadVerb;
  private final String eventReason;
  private final boolean warning;

  Action(String word, String pastTense, String threadVerb, String eventReason, boolean warning) {
    this.word = word;
    this.pastTense = pastTense;
    this.threadVerb = threadVerb;
    this.eventReason = eventReason;
    this.warning = warning;
  }

  /** The stored form: "promote". */
  public String word() {
    return word;
  }

  /** "promoted", as in "promoted by @alice at 10:02 UTC". */
  public String pastTense() {
    return pastTense;
  }

  /** "promoted", as in "10:02 UTC · @alice promoted api-vs 10 % → 50 %". */
  public String threadVerb() {
    return threadVerb;
  }

  /** The Kubernetes Event reason: "Promoted". */
  public String eventReason() {
    return eventReason;
  }

  /** Whether its Kubernetes Event is a Warning. */
  public boolean warning() {
    return warning;
  }

  /**
   * A transition a person would call a move; {@link #RETIRED} only confirms a cleanup, and
   * {@link #TESTERS} leaves the weights where they are.
   */
  public boolean isMove() {
    return this != RETIRED && this != TESTERS;
  }

  /** The action stored as {@code word}, or empty for a word no version of the bot wrote. */
  public static Optional<Action> of(String word) {
    for (Action a : values()) {
      if (a.word.equals(word)) {
        return Optional.of(a);
      }
    }
    return Optional.empty();
  }
}
