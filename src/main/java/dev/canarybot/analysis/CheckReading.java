package dev.canarybot.analysis;

import dev.canarybot.release.CheckSpec;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * One custom check's values at one tick. Empty means no series or NaN: inconclusive, never
 * healthy.
 *
 * @param problem why the check could not be run (invalid spec, refused PromQL, several series),
 *     or null when it ran
 */
public record CheckReading(CheckSpec spec, OptionalDouble canary, OptionalDouble stable, String problem) {

  public CheckReading {
    Objects.requireNonNull(spec, "spec");
    canary = canary == null ? OptionalDouble.empty() : canary;
    stable = stable == null ? OptionalDouble.empty() : stable;
  }

  /** A check that could not be run, with why. */
  public static CheckReading invalid(CheckSpec spec, String problem) {
    return new CheckReading(spec, OptionalDouble.empty(), OptionalDouble.empty(), problem);
  }

  public String name() {
    return spec.name();
  }
}
