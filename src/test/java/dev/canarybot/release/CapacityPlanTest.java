package dev.canarybot.release;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.OptionalInt;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class CapacityPlanTest {
  static final Instant T0 = Instant.parse("2026-12-02T10:00:00Z");
  static final Duration TIMEOUT = Duration.ofMinutes(10);

  @ParameterizedTest(name = "canary {0}, stable {1}, weight {2} → {3}")
  @CsvSource({
      // the example: stable 3, canary 1
      "1, 3, 10, 1",   // ceil(3×10/100) = ceil(0.3) = 1; max(1, 1, 1) = 1
      "1, 3, 50, 2",   // ceil(1.5) = 2
      "1, 3, 100, 3",  // ceil(3) = 3
      // a canary at 0 replicas still gets one before any traffic
      "0, 3, 10, 1",   // ceil(0.3) = 1
      "0, 0, 10, 1",   // ceil(0) = 0, but never fewer than 1
      // a canary bigger at start keeps its count
      "5, 3, 50, 5",   // ceil(1.5) = 2 < 5
      // rounding up at an exact boundary does not add one
      "1, 10, 20, 2",  // 10×20/100 = 2 exactly
      "1, 10, 21, 3",  // 2.1 → 3
      "2, 7, 33, 3",   // 7×33/100 = 2.31 → 3
  })
  void replicasFollowTheWeight(int canary, int stable, int weight, int expected) {
    assertThat(CapacityPlan.replicasFor(CapacityState.atStart(canary, stable, null), weight)).isEqualTo(expected);
  }

  @Test
  void aReadyCanaryMovesAtOnce() {
    CapacityState s = CapacityState.atStart(1, 3, null);
    // 50 % needs 2; 2 ready of spec 2, controller current
    CapacityStep step = CapacityPlan.before(s, 50, ReplicaReading.plain(2, 2, true), T0, TIMEOUT);
    assertThat(step).isEqualTo(new CapacityStep.Ready(new CapacityState(1, 3, null, 2, 2, null, false), 2));
  }

  @Test
  void readyCountsOfAnOldGenerationDoNotCount() {
    CapacityState s = CapacityState.atStart(1, 3, null).waitingFor(2, T0);
    CapacityStep step = CapacityPlan.before(s, 50, ReplicaReading.plain(2, 2, false), T0.plusSeconds(5), TIMEOUT);
    assertThat(step).isEqualTo(new CapacityStep.Wait(s.seeing(2), 2, 2));
  }

  @Test
  void anUnderScaledCanaryIsRaisedToTheTarget() {
    CapacityState s = CapacityState.atStart(1, 3, null);
    CapacityStep step = CapacityPlan.before(s, 100, ReplicaReading.plain(1, 1, true), T0, TIMEOUT);
    // 100 % needs 3
    assertThat(step).isEqualTo(new CapacityStep.Scale(s.waitingFor(3, T0).seeing(1), 3, false));
  }

  @Test
  void scaledButNotRecordedIsNotScaledAgain() {
    // The crash came after the scale to 2 and before its record: the status still says nothing.
    CapacityState s = CapacityState.atStart(1, 3, null);
    CapacityStep step = CapacityPlan.before(s, 50, ReplicaReading.plain(2, 1, true), T0, TIMEOUT);
    assertThat(step).isEqualTo(new CapacityStep.Wait(s.waitingFor(2, T0).seeing(1), 1, 2));
  }

  @Test
  void aPersonsHigherCountIsNotLowered() {
    CapacityState s = CapacityState.atStart(1, 3, null);
    // a person scaled to 6; 50 % needs 2; 1 ready yet: wait, no scale down
    CapacityStep step = CapacityPlan.before(s, 50, ReplicaReading.plain(6, 1, true), T0, TIMEOUT);
    assertThat(step).isInstanceOf(CapacityStep.Wait.class);
  }

  @Test
  void theWaitKeepsItsStartAndEndsAtTheTimeout() {
    CapacityState s = CapacityState.atStart(1, 3, null).waitingFor(2, T0);
    ReplicaReading stuck = ReplicaReading.plain(2, 1, true);
    // 9m59s after T0: still within 10m
    assertThat(CapacityPlan.before(s, 50, stuck, T0.plusSeconds(599), TIMEOUT))
        .isEqualTo(new CapacityStep.Wait(s.seeing(1), 1, 2));
    // exactly 10m after T0: over
    assertThat(CapacityPlan.before(s, 50, stuck, T0.plusSeconds(600), TIMEOUT))
        .isEqualTo(new CapacityStep.TimedOut(1, 2));
  }

  @Test
  void anAutoscalerHasItsMinimumRaisedWithinItsMaximum() {
    CapacityState s = CapacityState.atStart(1, 3, "api-v2");
    ReplicaReading hpa = new ReplicaReading(1, 1, true, "api-v2", 1, 5);
    // 100 % needs 3; min 1 < 3 ≤ max 5
    assertThat(CapacityPlan.before(s, 100, hpa, T0, TIMEOUT))
        .isEqualTo(new CapacityStep.Scale(s.waitingFor(3, T0).seeing(1), 3, true));
    ReplicaReading narrow = new ReplicaReading(1, 1, true, "api-v2", 1, 2);
    // max 2 < 3: raised to 2, never above the autoscaler's own bound
    assertThat(CapacityPlan.before(s, 100, narrow, T0, TIMEOUT))
        .isEqualTo(new CapacityStep.Scale(s.waitingFor(3, T0).seeing(1), 2, true));
  }

  @Test
  void aRollbackGivesBackWhatTheBotAdded() {
    CapacityState raised = new CapacityState(1, 3, null, 3, 3, null, false);
    // the bot left 3; back to 1 at start
    assertThat(CapacityPlan.giveBack(raised, ReplicaReading.plain(3, 3, true), RollbackCapacity.START))
        .isEqualTo(OptionalInt.of(1));
    assertThat(CapacityPlan.giveBack(raised, ReplicaReading.plain(3, 3, true), RollbackCapacity.ZERO))
        .isEqualTo(OptionalInt.of(0));
    assertThat(CapacityPlan.giveBack(raised, ReplicaReading.plain(3, 3, true), RollbackCapacity.KEEP))
        .isEmpty();
    // a person scaled to 6 meanwhile: left alone
    assertThat(CapacityPlan.giveBack(raised, ReplicaReading.plain(6, 6, true), RollbackCapacity.START))
        .isEmpty();
    // given back once already
    assertThat(CapacityPlan.giveBack(raised.givenBack(), ReplicaReading.plain(3, 3, true), RollbackCapacity.START))
        .isEmpty();
    // never raised (rolled back at 10 % with 1 replica): nothing to give back
    assertThat(CapacityPlan.giveBack(new CapacityState(1, 3, null, 1, 1, null, false),
        ReplicaReading.plain(1, 1, true), RollbackCapacity.START)).isEmpty();
  }
}
