package dev.canarybot.analysis;

/**
 * Error-rate statistics: how sure a count of errors lets us be, how much more traffic would
 * settle a question, and whether the canary fails more often than stable.
 *
 * <p>Bounds are Clopper-Pearson (exact binomial, via the beta quantile) rather than Wilson:
 * it never covers less than the stated confidence, which matters at the tiny error rates of
 * a canary, and with 0 errors it is 1 - (1-c)^(1/n) ≈ 3/n at 95 %, the rule of three SREs
 * know; one-sided Wilson would give 2.7/n there and promise more than the data shows.
 *
 * <p>Counts are doubles because Prometheus' increase() extrapolates; the beta functions take
 * non-integer parameters, so nothing is rounded away.
 */
public final class Statistics {
  private Statistics() {}

  /** One-sided upper bound of the error rate: the true rate is below it with {@code confidence}. */
  public static double upperBound(double errors, double requests, double confidence) {
    checkCounts(errors, requests);
    checkConfidence(confidence);
    if (requests == 0 || errors >= requests) {
      return 1;
    }
    if (errors == 0) {
      return 1 - Math.pow(1 - confidence, 1 / requests);
    }
    return SpecialFunctions.inverseRegularizedBeta(confidence, errors + 1, requests - errors);
  }

  /** One-sided lower bound of the error rate: the true rate is above it with {@code confidence}. */
  public static double lowerBound(double errors, double requests, double confidence) {
    checkCounts(errors, requests);
    checkConfidence(confidence);
    if (errors == 0 || requests == 0) {
      return 0;
    }
    if (errors >= requests) {
      return Math.pow(1 - confidence, 1 / requests);
    }
    return SpecialFunctions.inverseRegularizedBeta(1 - confidence, errors, requests - errors + 1);
  }

  /**
   * Requests needed, with no error among them, for the upper bound to fall below {@code gate}.
   * Solved exactly from 1 - (1-c)^(1/n) < gate: n > ln(1-c) / ln(1-gate); the familiar
   * -ln(1-c)/gate (2,996 for 0.1 % at 95 %) is its first-order form.
   */
  public static long requestsToProveBelow(double gate, double confidence) {
    checkConfidence(confidence);
    if (gate <= 0 || gate >= 1) {
      throw new IllegalArgumentException("gate must be a rate between 0 and 1, got " + gate);
    }
    return (long) Math.floor(Math.log(1 - confidence) / Math.log1p(-gate)) + 1;
  }

  /**
   * How many more requests, if none of them fails, would bring the upper bound below the gate
   * given what has been seen: 0 when it already is. Optimistic by design when errors keep
   * coming, so callers say "at least" then.
   */
  public static long moreRequestsToProveBelow(
      double errors, double requests, double gate, double confidence) {
    checkCounts(errors, requests);
    if (upperBound(errors, requests, confidence) < gate) {
      return 0;
    }
    if (errors == 0) {
      return Math.max(0, (long) Math.ceil(requestsToProveBelow(gate, confidence) - requests));
    }
    // The bound falls as clean requests are added; find the first total that passes.
    long lo = (long) Math.ceil(requests);
    long hi = Math.max(lo + 1, 2 * lo);
    while (upperBound(errors, hi, confidence) >= gate) {
      lo = hi;
      hi *= 2;
    }
    while (hi - lo > 1) {
      long mid = lo + (hi - lo) / 2;
      if (upperBound(errors, mid, confidence) < gate) {
        hi = mid;
      } else {
        lo = mid;
      }
    }
    return Math.max(0, (long) Math.ceil(hi - requests));
  }

  /**
   * One-sided two-proportion z-test (pooled variance) of "the canary fails more often than
   * stable". It leans on the normal approximation, so callers use it only with a handful of
   * errors in total; below that it would overstate the evidence.
   */
  public static ProportionTest canaryWorse(
      double canaryErrors, double canaryRequests, double stableErrors, double stableRequests) {
    checkCounts(canaryErrors, canaryRequests);
    checkCounts(stableErrors, stableRequests);
    if (canaryRequests == 0 || stableRequests == 0) {
      return new ProportionTest(0, 1);
    }
    double p1 = canaryErrors / canaryRequests;
    double p2 = stableErrors / stableRequests;
    double pooled = (canaryErrors + stableErrors) / (canaryRequests + stableRequests);
    double se = Math.sqrt(pooled * (1 - pooled) * (1 / canaryRequests + 1 / stableRequests));
    if (se == 0) {
      return new ProportionTest(0, 1);
    }
    double z = (p1 - p2) / se;
    return new ProportionTest(z, SpecialFunctions.normalUpperTail(z));
  }

  /** A z statistic and its one-sided p-value; confidence is 1 - p. */
  public record ProportionTest(double z, double pValue) {
    public double confidence() {
      return 1 - pValue;
    }
  }

  private static void checkCounts(double errors, double requests) {
    if (!(errors >= 0) || !(requests >= 0)) {
      throw new IllegalArgumentException(
          "counts must be zero or more, got " + errors + " errors in " + requests + " requests");
    }
  }

  static void checkConfidence(double confidence) {
    if (!(confidence > 0 && confidence < 1)) {
      throw new IllegalArgumentException("confidence must be between 0 and 1, got " + confidence);
    }
  }
}
