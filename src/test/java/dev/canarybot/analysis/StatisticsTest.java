package dev.canarybot.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class StatisticsTest {

  static Stream<Arguments> zeroErrors() {
    return Stream.of(
        // n, exact 1 - 0.05^(1/n), rule of three 3/n
        Arguments.of(100.0, 0.029513, 0.03),
        Arguments.of(1000.0, 0.0029912, 0.003),
        Arguments.of(10000.0, 0.00029953, 0.0003));
  }

  @ParameterizedTest
  @MethodSource("zeroErrors")
  void upperBoundWithNoErrorsIsTheRuleOfThree(double n, double exact, double ruleOfThree) {
    double bound = Statistics.upperBound(0, n, 0.95);
    assertThat(bound).isCloseTo(exact, within(exact * 1e-4));
    // -ln(0.05) = 2.996 ≈ 3; at n = 100 the exact bound is 1.6 % below 3/n, less as n grows
    assertThat(bound).isCloseTo(ruleOfThree, within(ruleOfThree * 0.02));
  }

  @Test
  void upperBoundOfOneErrorInAThousandIsAbout047Percent() {
    // Clopper-Pearson: p solves P(X <= 1 | n=1000, p) = 0.05, i.e.
    // (1-p)^1000 + 1000 p (1-p)^999 = 0.05 -> p = 0.004735 (Poisson: 4.744/1000)
    double p = Statistics.upperBound(1, 1000, 0.95);
    assertThat(p).isCloseTo(0.004735, within(1e-6));
    double tail = Math.pow(1 - p, 1000) + 1000 * p * Math.pow(1 - p, 999);
    assertThat(tail).isCloseTo(0.05, within(1e-9));
  }

  @Test
  void lowerBoundIsZeroWithoutErrors() {
    assertThat(Statistics.lowerBound(0, 5000, 0.95)).isZero();
  }

  @Test
  void lowerBoundOfFiveErrorsInAHundredIsAbout2Percent() {
    // p solves P(X >= 5 | n=100, p) = 0.05 -> 0.019906 (scipy beta.ppf(0.05, 5, 96))
    assertThat(Statistics.lowerBound(5, 100, 0.95)).isCloseTo(0.0199056, within(1e-6));
  }

  @Test
  void boundsBracketTheObservedRate() {
    // 57 / 2468 = 2.31 %; lower 95 % bound 1.834 % (scipy beta.ppf(0.05, 57, 2412))
    assertThat(Statistics.lowerBound(57, 2468, 0.95)).isCloseTo(0.018345, within(1e-5));
    assertThat(Statistics.upperBound(57, 2468, 0.95)).isGreaterThan(57.0 / 2468);
  }

  @Test
  void allRequestsFailingBoundsTheRateFromBelowOnly() {
    assertThat(Statistics.upperBound(10, 10, 0.95)).isEqualTo(1);
    // 0.05^(1/10) = 0.7411
    assertThat(Statistics.lowerBound(10, 10, 0.95)).isCloseTo(0.74113, within(1e-5));
  }

  @Test
  void zeroErrorsProveATenthOfAPercentAfter2995Requests() {
    // n > ln(0.05) / ln(0.999) = -2.995732 / -0.0010005 = 2994.23 -> 2,995
    // (first-order form -ln(0.05)/0.001 = 2,996)
    assertThat(Statistics.requestsToProveBelow(0.001, 0.95)).isEqualTo(2995);
    assertThat(Statistics.upperBound(0, 2995, 0.95)).isLessThan(0.001);
    assertThat(Statistics.upperBound(0, 2994, 0.95)).isGreaterThanOrEqualTo(0.001);
  }

  @Test
  void moreRequestsCountsWhatIsMissing() {
    // 2,995 needed - 1,095 seen = 1,900
    assertThat(Statistics.moreRequestsToProveBelow(0, 1095, 0.001, 0.95)).isEqualTo(1900);
    assertThat(Statistics.moreRequestsToProveBelow(0, 4000, 0.001, 0.95)).isZero();
  }

  @Test
  void moreRequestsWithOneErrorNeedsTheBetaBoundToFall() {
    // 1 error: bound < 0.1 % needs n with (1-p)^n + n p (1-p)^(n-1) = 0.05 at p = 0.001,
    // Poisson: λ = 4.744 -> n ≈ 4,742; from 1,000 seen that is about 3,742 more
    long more = Statistics.moreRequestsToProveBelow(1, 1000, 0.001, 0.95);
    assertThat(more).isBetween(3735L, 3750L);
    assertThat(Statistics.upperBound(1, 1000 + more, 0.95)).isLessThan(0.001);
    assertThat(Statistics.upperBound(1, 1000 + more - 1, 0.95)).isGreaterThanOrEqualTo(0.001);
  }

  @Test
  void twoProportionTestFor30Versus10InAThousand() {
    // pooled p = 40/2000 = 0.02; se = sqrt(0.02 * 0.98 * (1/1000 + 1/1000)) = 0.0062610
    // z = (0.03 - 0.01) / 0.0062610 = 3.1944; one-sided p = 1 - Φ(3.1944) = 0.000701
    Statistics.ProportionTest t = Statistics.canaryWorse(30, 1000, 10, 1000);
    assertThat(t.z()).isCloseTo(3.1944, within(1e-4));
    assertThat(t.pValue()).isCloseTo(0.000701, within(2e-6));
    assertThat(t.confidence()).isGreaterThan(0.99);
  }

  @Test
  void twoProportionTestSeesNothingWhenTheRatesAreEqual() {
    Statistics.ProportionTest t = Statistics.canaryWorse(10, 1000, 10, 1000);
    assertThat(t.z()).isZero();
    // erfc is accurate to 1.2e-7 (relative), plenty for a p-value
    assertThat(t.pValue()).isCloseTo(0.5, within(1e-7));
  }

  @Test
  void twoProportionTestWithoutErrorsIsNoEvidence() {
    assertThat(Statistics.canaryWorse(0, 1000, 0, 1000).pValue()).isEqualTo(1);
  }

  @Test
  void negativeCountsAreRefused() {
    assertThatThrownBy(() -> Statistics.upperBound(-1, 10, 0.95))
        .hasMessageContaining("counts must be zero or more");
  }
}
