package dev.canarybot.slack.view;

import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.util.json.GsonFactory;
import dev.canarybot.demo.slackapi.BlockKitProblem;
import dev.canarybot.demo.slackapi.BlockKitRules;
import dev.canarybot.release.CanaryRelease;
import dev.canarybot.release.Command;
import dev.canarybot.release.Decision;
import dev.canarybot.release.ObservationPolicy;
import dev.canarybot.release.Phase;
import dev.canarybot.release.ReleaseFixtures;
import dev.canarybot.release.ReleasePlan;
import dev.canarybot.release.ReleaseStateMachine;
import dev.canarybot.release.ReleaseTarget;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The card stays within Block Kit's limits when what it shows is long: a person's reason, or
 * names read from the cluster (both untrusted, neither bounded by the bot). Slack refuses a card
 * over a limit and shows nothing, so these draw the worst case and check it as Slack would.
 */
class CanaryCardLimitsTest {
  static final Instant T0 = ReleaseFixtures.T0;

  @Test
  void aPauseReasonLongerThanATextObjectIsCutInTheTimingLine() {
    // 4000 characters: past the 3000 any text object may hold.
    CanaryRelease paused = ReleaseFixtures.accept(ReleaseFixtures.progressing(),
        new Command.Pause("<@U2BOB>", "x".repeat(4000)), T0.plusSeconds(60));

    assertThat(problem(paused)).isEqualTo("none");
  }

  @Test
  void aFreezeBannerWithTheLongestReasonFitsAndIsEscaped() {
    // The reason is cut to Freeze.MAX_REASON (300); a 2000-character one of mentions must still fit.
    dev.canarybot.release.Freeze freeze = new dev.canarybot.release.Freeze(null, "<@U2BOB>",
        T0.plusSeconds(60), "<!channel>".repeat(200));
    var drawn = CanaryCard.draw(ReleaseFixtures.progressing(), T0.plusSeconds(90),
        new ObservationPolicy(Duration.ofMinutes(30), Duration.ofHours(1)), null, true, freeze);
    String json = GsonFactory.createSnakeCase().toJson(drawn.blocks());
    assertThat(BlockKitRules.message(json).map(BlockKitProblem::toString).orElse("none")).isEqualTo("none");
    assertThat(json).contains("canary_freeze").doesNotContain("<!channel>");
  }

  @Test
  void subsetAndWorkloadNamesLongerThanAFieldAreCut() {
    // Subset names in a DestinationRule have no length limit of their own; 2500 > a field's 2000.
    String longSubset = "s".repeat(2500);
    ReleaseTarget target = new ReleaseTarget("default", "api-vs", "primary",
        "api-service.default.svc.cluster.local", longSubset, "v2", "api-v1", "api-v2");
    CanaryRelease r = ((Decision.Accepted) ReleaseStateMachine.decide(null,
        new Command.Start("<@U1>", "api-vs", target, ReleasePlan.DEFAULT, true, 0), T0)).release();

    assertThat(problem(r)).isEqualTo("none");
    // Cut in the names, not in the weight after them.
    assertThat(GsonFactory.createSnakeCase().toJson(draw(r).blocks())).contains("s…\\n*90 %*");
  }

  @Test
  void everyPhaseOfAnOrdinaryReleaseFits() {
    for (Phase phase : Phase.values()) {
      assertThat(problem(ReleaseFixtures.inPhase(phase))).as(phase.name()).isEqualTo("none");
    }
  }

  static CanaryCard.Drawn draw(CanaryRelease r) {
    return CanaryCard.draw(r, T0.plus(Duration.ofMinutes(5)), ObservationPolicy.DEFAULT, "waiting for data");
  }

  static String problem(CanaryRelease r) {
    return BlockKitRules.message(GsonFactory.createSnakeCase().toJson(draw(r).blocks()))
        .map(BlockKitProblem::toString).orElse("none");
  }
}
