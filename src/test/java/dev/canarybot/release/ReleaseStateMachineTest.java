package dev.canarybot.release;

import static dev.canarybot.release.ReleaseFixtures.T0;
import static dev.canarybot.release.ReleaseFixtures.accept;
import static dev.canarybot.release.ReleaseFixtures.inPhase;
import static dev.canarybot.release.ReleaseFixtures.progressing;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The transitions' details: weights, effects, timers, and the words of refusals. */
class ReleaseStateMachineTest {

  private static Decision decide(CanaryRelease r, Command c, int minutesAfterT0) {
    return ReleaseStateMachine.decide(r, c, T0.plus(Duration.ofMinutes(minutesAfterT0)));
  }

  private static String refusal(Decision d) {
    assertThat(d).isInstanceOf(Decision.Refused.class);
    return ((Decision.Refused) d).reason();
  }

  @Test
  void startSplitsAtTheFirstStepAndRemembersWhatTheRouteHad() {
    Decision.Accepted a = (Decision.Accepted) ReleaseStateMachine.decide(null,
        new Command.Start("alice", "api-vs", ReleaseFixtures.TARGET, ReleaseFixtures.PLAN, true, 0), T0);

    assertThat(a.release().weight()).isEqualTo(10);
    assertThat(a.release().status().appliedWeight()).isZero();
    assertThat(a.release().status().stepStartedAt()).isEqualTo(T0);
    assertThat(a.effects()).containsExactly(new Effect.SetWeights(10));
    assertThat(a.entry().fromWeight()).isEqualTo(-1);
    assertThat(a.entry().reason()).isEqualTo("canary v2 at 10 %, plan 10 → 50 → 100");
  }

  @Test
  void promoteWalksTheStepsAndRestartsTheObservationTimer() {
    CanaryRelease at50 = accept(progressing(), new Command.Promote("bob", 0, 10, null), T0.plusSeconds(1800));
    assertThat(at50.weight()).isEqualTo(50);
    assertThat(at50.phase()).isEqualTo(Phase.Progressing);
    assertThat(at50.status().stepStartedAt()).isEqualTo(T0.plusSeconds(1800));

    Decision.Accepted at100 = (Decision.Accepted) decide(at50, new Command.Promote("bob", 0, 50, null), 90);
    assertThat(at100.release().weight()).isEqualTo(100);
    assertThat(at100.release().phase()).isEqualTo(Phase.Promoted);
    assertThat(at100.effects()).containsExactly(new Effect.SetWeights(100));
  }

  @Test
  void promoteToAnExplicitLaterStepSkipsAhead() {
    CanaryRelease r = accept(progressing(), new Command.Promote("bob", 100, -1, "hotfix"), T0.plusSeconds(60));
    assertThat(r.weight()).isEqualTo(100);
    assertThat(r.status().last().reason()).isEqualTo("hotfix");
  }

  @Test
  void withTheFourEyesRuleWhoStartedMayWalkToFiftyButNotToHundredAlone() {
    CanaryRelease started = accept(null, new Command.Start("<@U0ALICE>", "api-vs", ReleaseFixtures.TARGET,
        ReleaseFixtures.PLAN, true, 0), T0);
    CanaryRelease at50 = accept(started, new Command.Promote("<@U0ALICE>", 0, 10, null, true), T0.plusSeconds(60));
    assertThat(at50.weight()).isEqualTo(50);

    assertThat(refusal(decide(at50, new Command.Promote("<@U0ALICE>", 0, 50, null, true), 2)))
        .isEqualTo("<@U0ALICE> started api-vs; another approver must take it to 100 % (setting CANARY_SECOND_APPROVER)");
    // Skipping ahead to 100 is the same move.
    assertThat(refusal(decide(started, new Command.Promote("<@U0ALICE>", 100, -1, null, true), 2)))
        .contains("another approver must take it to 100 %");
    assertThat(accept(at50, new Command.Promote("<@U0BOB>", 0, 50, null, true), T0.plusSeconds(120)).weight())
        .isEqualTo(100);
    // Without the rule the starter may finish alone.
    assertThat(accept(at50, new Command.Promote("<@U0ALICE>", 0, 50, null, false), T0.plusSeconds(120)).weight())
        .isEqualTo(100);
  }

  @Test
  void promoteToAWeightThatIsNotALaterStepIsRefused() {
    assertThat(refusal(decide(progressing(), new Command.Promote("bob", 30, -1, null), 1)))
        .isEqualTo("cannot promote to 30 %: it is not a later step of the plan 10 → 50 → 100 (now at 10 %)");
    assertThat(refusal(decide(progressing(), new Command.Promote("bob", 10, -1, null), 1)))
        .contains("not a later step");
  }

  @Test
  void aStaleOrDoubleClickIsRefusedWithWhoMovedIt() {
    CanaryRelease at50 = accept(progressing(), new Command.Promote("alice", 0, 10, null), T0.plusSeconds(120));

    // The second approver clicked the button drawn at 10 %.
    assertThat(refusal(decide(at50, new Command.Promote("bob", 0, 10, null), 3)))
        .isEqualTo("already at 50 % — promoted by alice at 10:02 UTC");
  }

  @Test
  void rollbackSendsEverythingToStableAtOnceFromAnyLiveStep() {
    CanaryRelease at50 = accept(progressing(), new Command.Promote("alice", 0, 10, null), T0.plusSeconds(120));
    Decision.Accepted a = (Decision.Accepted) decide(at50, new Command.Rollback("bob", "p95 up", 50), 5);
    assertThat(a.release().weight()).isZero();
    assertThat(a.effects()).containsExactly(new Effect.ReassertWeights(0));
    assertThat(a.entry().reason()).isEqualTo("p95 up");
    assertThat(a.entry().fromWeight()).isEqualTo(50);
  }

  @Test
  void aRollbackFromACardDrawnBeforeAPromotionIsRefusedWithWhatHappened() {
    CanaryRelease at50 = accept(progressing(), new Command.Promote("alice", 0, 10, null), T0.plusSeconds(120));
    assertThat(refusal(decide(at50, new Command.Rollback("bob", null, 10), 3))).isEqualTo(
        "not rolled back: api-vs is at 50 % now, not 10 % as you saw it — promoted by alice at "
            + "10:02 UTC; roll back from the current card if you still want to");
  }

  @Test
  void rollbackWithoutReasonSaysItWasRequested() {
    Decision.Accepted a = (Decision.Accepted) decide(progressing(), new Command.Rollback("bob", "  ", -1), 5);
    assertThat(a.entry().reason()).isEqualTo("rolled back by request");
  }

  @Test
  void pauseKeepsWeightsAndResumeRestartsObservationAndReassertsWeights() {
    CanaryRelease paused = accept(progressing(), new Command.Pause("bob", null), T0.plusSeconds(600));
    assertThat(paused.weight()).isEqualTo(10);
    assertThat(paused.status().stepStartedAt()).isEqualTo(T0);

    Decision.Accepted resumed = (Decision.Accepted) decide(paused, new Command.Resume("bob"), 20);
    assertThat(resumed.release().phase()).isEqualTo(Phase.Progressing);
    assertThat(resumed.release().status().stepStartedAt()).isEqualTo(T0.plus(Duration.ofMinutes(20)));
    assertThat(resumed.effects()).containsExactly(new Effect.ReassertWeights(10));
  }

  @Test
  void resumeAt100GoesBackToPromoted() {
    CanaryRelease paused = accept(inPhase(Phase.Promoted), new Command.Pause("bob", null), T0.plusSeconds(600));
    CanaryRelease resumed = accept(paused, new Command.Resume("bob"), T0.plusSeconds(700));
    assertThat(resumed.phase()).isEqualTo(Phase.Promoted);
  }

  @Test
  void driftPausesWithTheWeightsFoundAndTouchesNothing() {
    Decision.Accepted a = (Decision.Accepted) decide(progressing(), new Command.MarkDrifted("canary-bot", 30, 70), 4);
    assertThat(a.release().phase()).isEqualTo(Phase.Paused);
    assertThat(a.release().status().drifted()).isTrue();
    assertThat(a.effects()).isEmpty();
    assertThat(a.entry().reason()).isEqualTo(
        "weights changed outside canary-bot: expected 90/10, found 70/30; paused, nothing overwritten");
    assertThat(refusal(decide(a.release(), new Command.Promote("bob", 0, -1, null), 5)))
        .contains("resume it first").contains("weights changed outside canary-bot");

    CanaryRelease resumed = accept(a.release(), new Command.Resume("bob"), T0.plusSeconds(600));
    assertThat(resumed.status().drifted()).isFalse();
    assertThat(resumed.status().last().reason()).isEqualTo("resumed; the route goes back to 90/10");
  }

  @Test
  void cleanupWaitsAtHundredPercentUnlessForced() {
    CanaryRelease promoted = inPhase(Phase.Promoted); // at 100 % since 10:02
    assertThat(refusal(decide(promoted, new Command.Cleanup("bob", CleanupMode.SCALE_TO_ZERO, false), 62)))
        .isEqualTo("cannot clean up yet: api-vs has been at 100 % for 1h00m of the required 24h00m (23h00m to go)");

    Decision.Accepted forced = (Decision.Accepted) decide(promoted,
        new Command.Cleanup("bob", CleanupMode.DELETE, true), 62);
    assertThat(forced.effects()).containsExactly(new Effect.RetireStable("api-v1", CleanupMode.DELETE));
    assertThat(forced.entry().reason()).isEqualTo("api-v1 deleted (before the 24h00m wait was over, by override)");
  }

  @Test
  void cleanupAfterTheWaitNeedsNoOverride() {
    Decision.Accepted a = (Decision.Accepted) decide(inPhase(Phase.Promoted),
        new Command.Cleanup("bob", CleanupMode.SCALE_TO_ZERO, false), 24 * 60 + 2);
    assertThat(a.release().phase()).isEqualTo(Phase.CleanedUp);
    assertThat(a.effects()).containsExactly(new Effect.RetireStable("api-v1", CleanupMode.SCALE_TO_ZERO));
    assertThat(a.entry().reason()).isEqualTo("api-v1 scaled to 0");
  }

  @Test
  void restartOnAFinishedReleaseKeepsItsHistory() {
    CanaryRelease rolledBack = inPhase(Phase.RolledBack);
    CanaryRelease again = accept(rolledBack, ReleaseFixtures.start("erin"), T0.plusSeconds(3600));
    assertThat(again.status().history()).hasSize(rolledBack.status().history().size() + 1);
    assertThat(again.status().last().fromPhase()).isEqualTo(Phase.RolledBack);
    assertThat(again.weight()).isEqualTo(10);
  }

  @Test
  void secondStartOnARunningReleaseNamesIt() {
    assertThat(refusal(decide(progressing(), ReleaseFixtures.start("erin"), 1)))
        .isEqualTo("cannot start: canary api-vs (v1 90 % / v2 10 %, Progressing) is already running on "
            + "VirtualService api-vs.default route primary; started by alice at 10:00 UTC. "
            + "Promote, roll back or clean it up first.");
  }

  @Test
  void planRulesSayWhatIsWrong() {
    assertThat(ReleasePlan.parse(" 5, 25 ,100", Duration.ZERO).steps()).isEqualTo(List.of(5, 25, 100));
    assertPlanError("10,50", "the last step is 50, not 100");
    assertPlanError("50,10,100", "step 10 does not increase on 50");
    assertPlanError("10,10,100", "step 10 does not increase on 10");
    assertPlanError("0,100", "step 0 is outside 1..100");
    assertPlanError("10,150", "step 150 is outside 1..100");
    assertPlanError("10,,100", "have an empty entry");
    assertPlanError("ten,100", "step \"ten\" is not a whole number");
    assertPlanError("", "steps are empty");
  }

  private static void assertPlanError(String steps, String message) {
    try {
      ReleasePlan.parse(steps, Duration.ZERO);
      throw new AssertionError("accepted " + steps);
    } catch (InvalidPlanException e) {
      assertThat(e.getMessage()).contains(message).contains("for example 10,50,100");
    }
  }
}
