package dev.canarybot.release;

import java.time.Duration;

/**
 * How long a canary must be watched at a step before it may move on: the first step is the
 * riskiest guess, later steps carry more traffic and need longer to show slow failures.
 */
public record ObservationPolicy(Duration firstStep, Duration laterSteps) {

  public static final ObservationPolicy DEFAULT =
      new ObservationPolicy(Duration.ofMinutes(30), Duration.ofHours(1));

  /** The time required at the release's current step; zero at 100 %. */
  public Duration required(CanaryRelease release) {
    if (release.weight() >= 100) {
      return Duration.ZERO;
    }
    return release.status().stepIndex() == 0 ? firstStep : laterSteps;
  }
}
