package dev.canarybot.release;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * When the bot speaks up about a release nobody is moving: a reminder once its gates have
 * passed and nobody acted for a while (at most every so often, and only while a change window
 * is open: nobody is paged at night to promote), and a report, once per step, when a step sits
 * past its deadline without passing its gates. Kept in the status, so a restart neither repeats
 * a reminder nor forgets that the deadline was told.
 *
 * @param step the step this state is about ({@code stepStartedAt}); a new step starts afresh
 * @param gatesPassSince since when the gates pass without a break, or {@code null}
 * @param remindedAt the last reminder, or {@code null}
 * @param deadlineTold the deadline report of this step went out
 */
public record Nudge(Instant step, Instant gatesPassSince, Instant remindedAt, boolean deadlineTold) {

  /** What to do this tick, and the state to keep. */
  public record Decision(Nudge next, boolean remind, boolean deadline) {}

  /** The settings: {@code deadline} null when off. */
  public record Rules(Duration remindAfter, Duration remindEvery, Duration deadline) {}

  /**
   * @param kept the stored state, or {@code null} before any
   * @param windowOpen whether promotion is allowed now (change windows), so a reminder is useful
   */
  public static Decision decide(Nudge kept, Instant stepStartedAt, boolean gatesPass, boolean windowOpen,
      Instant now, Rules rules) {
    Nudge s = kept != null && Objects.equals(kept.step(), stepStartedAt) ? kept
        : new Nudge(stepStartedAt, null, null, false);
    Instant since = gatesPass ? (s.gatesPassSince() != null ? s.gatesPassSince() : now) : null;
    boolean remind = gatesPass && windowOpen
        && !now.isBefore(since.plus(rules.remindAfter()))
        && (s.remindedAt() == null || !now.isBefore(s.remindedAt().plus(rules.remindEvery())));
    boolean deadline = !gatesPass && rules.deadline() != null && !s.deadlineTold()
        && stepStartedAt != null && now.isAfter(stepStartedAt.plus(rules.deadline()));
    Nudge next = new Nudge(stepStartedAt, since, remind ? now : s.remindedAt(), s.deadlineTold() || deadline);
    return new Decision(next, remind, deadline);
  }
}
