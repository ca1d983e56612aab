package dev.canarybot.service.port;

/**
 * What the analysis did about a breach, for the alert that reports it.
 *
 * @param reason why the rollback failed, for {@link Outcome#FAILED}; else empty
 * @param byHand the exact command a person runs to roll back themselves, for {@link Outcome#FAILED}
 */
public record AutoRollback(Outcome outcome, String reason, String byHand) {

  public enum Outcome {
    /** No breach, or the release does not roll back on its own: a person decides. */
    NOT_TRIED,
    /** All traffic is on stable. */
    DONE,
    /** The rollback was refused or its route write failed: the canary may still get traffic. */
    FAILED
  }

  public static final AutoRollback NOT_TRIED = new AutoRollback(Outcome.NOT_TRIED, "", "");
  public static final AutoRollback DONE = new AutoRollback(Outcome.DONE, "", "");

  public static AutoRollback failed(String reason, String byHand) {
    return new AutoRollback(Outcome.FAILED, reason, byHand);
  }
}
