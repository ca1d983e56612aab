package dev.canarybot.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Published values (normal tables, closed forms of the beta CDF) the hand-written code must hit. */
class SpecialFunctionsTest {

  static Stream<Arguments> normalTable() {
    return Stream.of(
        // x, Φ(x) from any normal table
        Arguments.of(0.0, 0.5),
        Arguments.of(1.96, 0.9750021),
        Arguments.of(-1.6448536, 0.05),
        Arguments.of(2.3263479, 0.99),
        Arguments.of(3.0, 0.9986501));
  }

  @ParameterizedTest
  @MethodSource("normalTable")
  void normalCdfMatchesTheTable(double x, double expected) {
    assertThat(SpecialFunctions.normalCdf(x)).isCloseTo(expected, within(1e-6));
  }

  @Test
  void normalUpperTailKeepsTinyProbabilities() {
    // 1 - Φ(5) = 2.8665e-7; computed as 1 - Φ it would keep only a few digits
    assertThat(SpecialFunctions.normalUpperTail(5)).isCloseTo(2.8665157e-7, within(1e-12));
  }

  @Test
  void logGammaMatchesKnownValues() {
    // Γ(0.5) = √π -> ln √π = 0.5723649; Γ(5) = 24
    assertThat(SpecialFunctions.logGamma(0.5)).isCloseTo(0.5723649429, within(1e-9));
    assertThat(SpecialFunctions.logGamma(5)).isCloseTo(Math.log(24), within(1e-9));
  }

  static Stream<Arguments> betaTable() {
    return Stream.of(
        // x, a, b, I_x(a,b) with its closed form
        // I_x(a,a) = 0.5 at x = 0.5 by symmetry
        Arguments.of(0.5, 7.0, 7.0, 0.5),
        // I_x(1,b) = 1 - (1-x)^b: 1 - 0.8^3 = 0.488
        Arguments.of(0.2, 1.0, 3.0, 0.488),
        // I_x(a,1) = x^a: 0.9^4 = 0.6561
        Arguments.of(0.9, 4.0, 1.0, 0.6561),
        // I_x(a,b) = P(Binomial(a+b-1, x) >= a): P(Bin(4,0.3) >= 2) = 1 - 0.7^4 - 4*0.3*0.7^3 = 0.3483
        Arguments.of(0.3, 2.0, 3.0, 0.3483),
        // a canary-sized case: P(Poisson(10) >= 10) = 0.5420703 ~ I_{1e-5}(10, 1e6) = 0.5420822 (scipy)
        Arguments.of(1e-5, 10.0, 1e6, 0.5420822));
  }

  @ParameterizedTest
  @MethodSource("betaTable")
  void regularizedBetaMatchesClosedForms(double x, double a, double b, double expected) {
    assertThat(SpecialFunctions.regularizedBeta(x, a, b)).isCloseTo(expected, within(1e-6));
  }

  @Test
  void inverseBetaUndoesTheBeta() {
    double x = SpecialFunctions.inverseRegularizedBeta(0.3483, 2, 3);
    assertThat(x).isCloseTo(0.3, within(1e-9));
  }
}
