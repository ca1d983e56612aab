package dev.canarybot.analysis;

import dev.canarybot.analysis.Verdict.Kind;
import dev.canarybot.release.CheckSpec;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import java.util.OptionalDouble;

/**
 * A release's custom checks against their bounds. A breach does what the check says (roll back,
 * watch, or only block promotion); an invalid check or one without data blocks promotion and
 * never reads as healthy, and none of them touches another release.
 */
final class CustomChecks {
  private CustomChecks() {}

  /** @param compare false at 100 %, where stable has no traffic to divide by */
  static void check(Findings f, List<CheckReading> readings, String canary, String stable, boolean compare) {
    for (CheckReading r : readings) {
      check(f, r, canary, stable, compare);
    }
  }

  private static void check(Findings f, CheckReading r, String canary, String stable, boolean compare) {
    CheckSpec spec = r.spec();
    String name = "check " + spec.name();
    if (r.problem() != null) {
      String why = name + " cannot be judged: " + r.problem();
      f.raise(Kind.Inconclusive, why);
      f.block(why);
      return;
    }
    String values = canary + " " + value(r.canary()) + ", " + stable + " " + value(r.stable());
    if (r.canary().isEmpty()) {
      String why = name + " has no data for " + canary + " (" + values + ")";
      f.raise(Kind.Inconclusive, why);
      f.block(why);
      return;
    }
    double judged = r.canary().getAsDouble();
    String what = canary;
    if (spec.relativeToStable()) {
      if (!compare) {
        f.note(name + ": " + values + "; not compared with " + stable + " at 100 %");
        return;
      }
      if (r.stable().isEmpty() || r.stable().getAsDouble() == 0) {
        String why = name + " cannot compare " + canary + " with " + stable + " (" + values + ")";
        f.raise(Kind.Inconclusive, why);
        f.block(why);
        return;
      }
      judged = judged / r.stable().getAsDouble();
      what = canary + " ÷ " + stable;
      values = values + ", ratio " + number(judged);
    }
    String bound = breachedBound(spec, judged);
    if (bound == null) {
      f.note(name + " passes: " + values + " (" + bounds(spec) + ")");
      return;
    }
    String reason = name + ": " + what + " " + number(judged) + " is " + bound + " (" + values + ")";
    switch (spec.onBreach()) {
      case rollback -> f.raise(Kind.Breach, reason + "; onBreach: rollback");
      case watch -> f.raise(Kind.Watch, reason + "; onBreach: watch");
      case gate -> f.note(reason + "; onBreach: gate");
    }
    f.block(reason);
  }

  /** "below min 0.99", "above max 2", or null within bounds. */
  private static String breachedBound(CheckSpec spec, double v) {
    if (spec.min().isPresent() && v < spec.min().getAsDouble()) {
      return "below min " + number(spec.min().getAsDouble());
    }
    if (spec.max().isPresent() && v > spec.max().getAsDouble()) {
      return "above max " + number(spec.max().getAsDouble());
    }
    return null;
  }

  private static String bounds(CheckSpec spec) {
    String min = spec.min().isPresent() ? "min " + number(spec.min().getAsDouble()) : "";
    String max = spec.max().isPresent() ? "max " + number(spec.max().getAsDouble()) : "";
    return (min + (min.isEmpty() || max.isEmpty() ? "" : ", ") + max) + (spec.relativeToStable() ? " of the ratio" : "");
  }

  private static String value(OptionalDouble v) {
    return v.isPresent() ? number(v.getAsDouble()) : "no data";
  }

  /** Four significant digits, no exponent: 0.9823, 1,250 reads as 1250. */
  static String number(double v) {
    BigDecimal d = new BigDecimal(v).round(new MathContext(4)).stripTrailingZeros();
    return d.scale() < 0 ? d.setScale(0).toPlainString() : d.toPlainString();
  }
}
