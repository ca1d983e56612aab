package dev.canarybot.metrics;

import dev.canarybot.release.CanaryRelease;
import dev.canarybot.release.Phase;
import dev.canarybot.release.ReleasePlan;
import dev.canarybot.release.ReleaseStatus;
import dev.canarybot.release.ReleaseTarget;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Progressing releases to feed a metrics source. */
final class Releases {
  static final Instant STEP_START = Instant.parse("2025-03-04T10:00:00Z");

  private Releases() {}

  static CanaryRelease at(ReleaseTarget target, int weight) {
    return new CanaryRelease(target.virtualService(), target,
        new ReleasePlan(List.of(10, 50, 100), Duration.ofHours(24)), true,
        new ReleaseStatus(Phase.Progressing, 0, weight, STEP_START, weight, false, null, null, List.of()));
  }
}
