package dev.canarybot.release;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class NudgeTest {
  static final Instant STEP = Instant.parse("2026-12-02T09:00:00Z");
  static final Nudge.Rules RULES = new Nudge.Rules(Duration.ofMinutes(30), Duration.ofHours(2), Duration.ofHours(24));

  static Nudge.Decision at(Nudge kept, boolean gatesPass, boolean open, Duration sinceStep) {
    return Nudge.decide(kept, STEP, gatesPass, open, STEP.plus(sinceStep), RULES);
  }

  @Test
  void aReminderComesOnceTheGatesHavePassedForRemindAfterAndNotAgainWithinRemindEvery() {
    Nudge.Decision first = at(null, true, true, Duration.ofMinutes(40));
    assertThat(first.remind()).as("the gates just began to pass").isFalse();
    Nudge.Decision half = at(first.next(), true, true, Duration.ofMinutes(69));
    assertThat(half.remind()).isFalse();
    Nudge.Decision due = at(half.next(), true, true, Duration.ofMinutes(70));
    assertThat(due.remind()).isTrue();
    assertThat(due.next().remindedAt()).isEqualTo(STEP.plus(Duration.ofMinutes(70)));
    assertThat(at(due.next(), true, true, Duration.ofMinutes(189)).remind()).as("within remind-every").isFalse();
    assertThat(at(due.next(), true, true, Duration.ofMinutes(190)).remind()).isTrue();
  }

  @Test
  void noReminderOutsideAWindowButOneWhenItOpens() {
    Nudge.Decision passing = at(null, true, false, Duration.ofMinutes(1));
    Nudge.Decision night = at(passing.next(), true, false, Duration.ofHours(5));
    assertThat(night.remind()).isFalse();
    assertThat(at(night.next(), true, true, Duration.ofHours(6)).remind()).isTrue();
  }

  @Test
  void gatesThatStopPassingStartTheirClockAgain() {
    Nudge.Decision passing = at(null, true, true, Duration.ofMinutes(1));
    Nudge.Decision broke = at(passing.next(), false, true, Duration.ofMinutes(20));
    assertThat(broke.next().gatesPassSince()).isNull();
    Nudge.Decision again = at(broke.next(), true, true, Duration.ofMinutes(25));
    assertThat(at(again.next(), true, true, Duration.ofMinutes(54)).remind()).isFalse();
    assertThat(at(again.next(), true, true, Duration.ofMinutes(55)).remind()).isTrue();
  }

  @Test
  void theDeadlineIsToldOnceAStepSitsPastItWithoutPassingItsGates() {
    assertThat(at(null, false, true, Duration.ofHours(24)).deadline()).as("at, not past").isFalse();
    Nudge.Decision late = at(null, false, true, Duration.ofHours(24).plusSeconds(1));
    assertThat(late.deadline()).isTrue();
    assertThat(at(late.next(), false, true, Duration.ofHours(30)).deadline()).as("once").isFalse();
    assertThat(at(null, true, true, Duration.ofHours(30)).deadline()).as("gates pass: a reminder's case").isFalse();
    assertThat(Nudge.decide(null, STEP, false, true, STEP.plus(Duration.ofDays(9)),
        new Nudge.Rules(Duration.ofMinutes(30), Duration.ofHours(2), null)).deadline()).as("off").isFalse();
  }

  @Test
  void aNewStepStartsAfresh() {
    Nudge.Decision late = at(null, false, true, Duration.ofHours(25));
    Instant next = STEP.plus(Duration.ofHours(26));
    Nudge.Decision fresh = Nudge.decide(late.next(), next, false, true, next.plus(Duration.ofHours(1)), RULES);
    assertThat(fresh.next()).isEqualTo(new Nudge(next, null, null, false));
  }
}
