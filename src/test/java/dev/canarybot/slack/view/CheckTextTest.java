package dev.canarybot.slack.view;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canarybot.analysis.CheckReading;
import dev.canarybot.release.CanaryRelease;
import dev.canarybot.release.CheckSpec;
import dev.canarybot.release.CheckSpec.OnBreach;
import dev.canarybot.release.Phase;
import dev.canarybot.release.ReleasePlan;
import dev.canarybot.release.ReleaseStatus;
import dev.canarybot.release.ReleaseTarget;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class CheckTextTest {
  static final ReleaseTarget T = new ReleaseTarget("default", "api-vs", "primary",
      "api-service.default.svc.cluster.local", "v1", "v2", "api-v1", "api-v2");
  static final CheckSpec SUCCESS = new CheckSpec("checkout-success", "q", OptionalDouble.of(0.99),
      OptionalDouble.empty(), false, OnBreach.rollback);
  static final CheckSpec SHARE = new CheckSpec("share", "q", OptionalDouble.of(0.9), OptionalDouble.of(1.1),
      true, OnBreach.gate);

  static CanaryRelease release(CheckSpec... checks) {
    return new CanaryRelease("api-vs", T, new ReleasePlan(List.of(10, 50, 100), Duration.ofHours(24)), true,
        new ReleaseStatus(Phase.Progressing, 0, 10, Instant.parse("2026-12-01T10:00:00Z"), 10, false, null, null,
            List.of()), Map.of(), List.of(checks));
  }

  @Test
  void listsEachCheckWithItsBoundsAndBothValues() {
    String text = CheckText.table(release(SUCCESS, SHARE), List.of(
        new CheckReading(SUCCESS, OptionalDouble.of(0.98234), OptionalDouble.of(0.996), null),
        CheckReading.invalid(SHARE, "HTTP 400 bad_data: <parse error>")));
    assertThat(text).isEqualTo("Custom checks of *api-vs*:"
        + "\n• *checkout-success* (canary ≥ 0.99, on breach: rollback): v2 0.9823, v1 0.996"
        + "\n• *share* (canary ÷ stable ≥ 0.9 and ≤ 1.1, on breach: gate): cannot be judged: "
        + "HTTP 400 bad_data: &lt;parse error&gt;");
  }

  @Test
  void aReleaseWithoutChecksSaysHowToAddOne() {
    assertThat(CheckText.table(release(), List.of())).startsWith("api-vs has no custom checks. Start a release with `--check <name>`");
  }
}
