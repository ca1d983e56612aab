package dev.canarybot.analysis;

import static dev.canarybot.analysis.NumberText.confidence;
import static dev.canarybot.analysis.NumberText.count;
import static dev.canarybot.analysis.NumberText.percent;

import dev.canarybot.analysis.Verdict.Kind;
import dev.canarybot.release.TimeText;

/**
 * The canary's 5xx rate against the gate and triggers, and against stable's. A trigger fires
 * only when the lower confidence bound is past it: one unlucky error in 20 requests is not a
 * 5 % error rate, and rolling back on it would teach people to ignore the bot.
 */
final class ErrorRateCheck {
  /** Below this many errors in both versions together the z-test's normal approximation overstates the evidence. */
  static final double MIN_ERRORS_TO_COMPARE = 5;

  private ErrorRateCheck() {}

  /** @param recent the canary's errors over the recent span, or null when not measured */
  static void check(Findings f, VersionMetrics canary, VersionMetrics stable, Thresholds t, RecentErrors recent) {
    String v = canary.version();
    if (canary.errors().isEmpty()) {
      f.raise(Kind.Inconclusive, "no 5xx count for " + v + ", so its error rate is unknown");
      f.block("5xx rate of " + v + " unknown");
      return;
    }
    double n = canary.requests().getAsDouble();
    double k = canary.errors().getAsDouble();
    double rate = k / n;
    double c = t.enoughDataConfidence();
    double lower = Statistics.lowerBound(k, n, c);
    double upper = Statistics.upperBound(k, n, c);
    String observed = v + " 5xx rate " + percent(rate) + " (" + count(k) + " of " + count(n) + " requests)";

    if (lower > t.rollbackErrorRate()) {
      f.raise(Kind.Breach, observed + " is above the " + percent(t.rollbackErrorRate()) + " rollback trigger");
    } else if (lower > t.watchErrorRate()) {
      f.raise(Kind.Watch, observed + " is above the " + percent(t.watchErrorRate()) + " watch trigger");
    } else if (rate > t.watchErrorRate()) {
      f.raise(Kind.Inconclusive, observed + " is above the " + percent(t.watchErrorRate())
          + " watch trigger, but too few requests to be sure at " + confidence(c));
    }

    if (upper < t.maxErrorRate()) {
      f.note(observed + " is below the " + percent(t.maxErrorRate()) + " gate with " + confidence(c) + " confidence");
    } else if (rate >= t.maxErrorRate()) {
      f.block(observed + " is above the " + percent(t.maxErrorRate()) + " gate");
    } else {
      long more = Statistics.moreRequestsToProveBelow(k, n, t.maxErrorRate(), c);
      String need = (k == 0 ? "need about " : "need at least ") + count(more) + " more requests";
      f.raise(Kind.Inconclusive, v + ": " + count(k) + " errors in " + count(n) + " requests; " + need
          + " to show its 5xx rate is below " + percent(t.maxErrorRate()) + " with " + confidence(c) + " confidence");
      f.block(need + " to " + v + " to prove its 5xx rate below " + percent(t.maxErrorRate()));
    }
    compareWithStable(f, canary, stable, t, rate);
    if (!(lower > t.rollbackErrorRate())) {
      // The whole window does not prove a breach (yet): the recent span may.
      checkRecent(f, v, recent, t);
    }
  }

  /**
   * The rollback trigger over the recent span as well: a fresh fault rolls back as soon as
   * its own traffic proves it, not once it has outweighed the healthy minutes before it. Only
   * the trigger: gates and Watch keep the whole window, so a short burst pages nobody.
   */
  private static void checkRecent(Findings f, String v, RecentErrors recent, Thresholds t) {
    if (recent == null || recent.requests().isEmpty() || recent.errors().isEmpty()
        || !(recent.requests().getAsDouble() > 0)) {
      return;
    }
    double n = recent.requests().getAsDouble();
    double k = recent.errors().getAsDouble();
    if (Statistics.lowerBound(k, n, t.enoughDataConfidence()) > t.rollbackErrorRate()) {
      f.raise(Kind.Breach, v + " 5xx rate " + percent(k / n) + " (" + count(k) + " of "
          + count(n) + " requests) in the last " + TimeText.duration(recent.window())
          + " is above the " + percent(t.rollbackErrorRate()) + " rollback trigger");
    }
  }


  private static void compareWithStable(
      Findings f, VersionMetrics canary, VersionMetrics stable, Thresholds t, double canaryRate) {
    if (stable == null || stable.requests().isEmpty() || stable.errors().isEmpty()
        || !(stable.requests().getAsDouble() > 0)) {
      return;
    }
    double sn = stable.requests().getAsDouble();
    double sk = stable.errors().getAsDouble();
    double k = canary.errors().getAsDouble();
    if (k + sk < MIN_ERRORS_TO_COMPARE) {
      return;
    }
    Statistics.ProportionTest test = Statistics.canaryWorse(k, canary.requests().getAsDouble(), sk, sn);
    if (test.confidence() < t.worseThanStableConfidence()) {
      return;
    }
    String reason = canary.version() + "'s error rate (" + percent(canaryRate) + ") is higher than "
        + stable.version() + "'s (" + percent(sk / sn) + ") with " + confidence(t.worseThanStableConfidence())
        + " confidence";
    boolean overTrigger = canaryRate > t.rollbackErrorRate();
    f.raise(overTrigger ? Kind.Breach : Kind.Watch, reason);
    f.block(reason);
  }
}
