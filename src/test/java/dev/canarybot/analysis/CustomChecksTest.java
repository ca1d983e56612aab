package dev.canarybot.analysis;

import static dev.canarybot.analysis.Fixtures.canary;
import static dev.canarybot.analysis.Fixtures.snapshot;
import static dev.canarybot.analysis.Fixtures.stable;
import static org.assertj.core.api.Assertions.assertThat;

import dev.canarybot.analysis.Verdict.Kind;
import dev.canarybot.release.CheckSpec;
import dev.canarybot.release.CheckSpec.OnBreach;
import java.time.Duration;
import java.util.List;
import java.util.OptionalDouble;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One row per custom-check rule, on an otherwise healthy 90/10 canary observed long enough, so
 * every change of kind or gate comes from the check.
 */
class CustomChecksTest {
  private static final Duration LONG_ENOUGH = Duration.ofMinutes(40);
  private static final Duration REQUIRED = Duration.ofMinutes(30);
  private static final String Q = "sum(rate(checkout_ok_total{version=\"{{version}}\"}[{{window}}]))";

  static CheckSpec spec(double min, boolean relative, OnBreach onBreach) {
    return new CheckSpec("checkout-success", Q, OptionalDouble.of(min), OptionalDouble.empty(), relative, onBreach);
  }

  static CheckReading read(CheckSpec spec, Double canary, Double stable) {
    return new CheckReading(spec, canary == null ? OptionalDouble.empty() : OptionalDouble.of(canary),
        stable == null ? OptionalDouble.empty() : OptionalDouble.of(stable), null);
  }

  static Stream<Arguments> rules() {
    return Stream.of(
        row("a check within its bound is healthy and says so", 10,
            read(spec(0.99, false, OnBreach.rollback), 0.995, 0.996), Kind.Healthy,
            "check checkout-success passes: v2 0.995, v1 0.996 (min 0.99)", true, 0),
        row("rollback: below min is a breach that names the check", 10,
            read(spec(0.99, false, OnBreach.rollback), 0.9823, 0.996), Kind.Breach,
            "check checkout-success: v2 0.9823 is below min 0.99 (v2 0.9823, v1 0.996); onBreach: rollback", false, 1),
        row("watch: below min alerts without rolling back", 10,
            read(spec(0.99, false, OnBreach.watch), 0.9823, 0.996), Kind.Watch,
            "onBreach: watch", false, 1),
        row("gate: below min only blocks promotion, with the values", 10,
            read(spec(0.99, false, OnBreach.gate), 0.9823, 0.996), Kind.Healthy,
            "check checkout-success: v2 0.9823 is below min 0.99 (v2 0.9823, v1 0.996); onBreach: gate", false, 0),
        row("no data for the canary is inconclusive, never healthy", 10,
            read(spec(0.99, false, OnBreach.rollback), null, 0.996), Kind.Inconclusive,
            "check checkout-success has no data for v2 (v2 no data, v1 0.996)", false, 0),
        row("an invalid check blocks with why", 10,
            CheckReading.invalid(spec(0.99, false, OnBreach.rollback), "HTTP 400 bad_data: parse error"),
            Kind.Inconclusive, "check checkout-success cannot be judged: HTTP 400 bad_data: parse error", false, 0),
        row("relative: canary at 0.95 of stable is below min 0.97", 10,
            // 0.931 / 0.98 = 0.95 < 0.97
            read(spec(0.97, true, OnBreach.rollback), 0.931, 0.98), Kind.Breach,
            "check checkout-success: v2 ÷ v1 0.95 is below min 0.97", false, 1),
        row("relative: canary at 0.99 of stable passes min 0.97", 10,
            // 0.9702 / 0.98 = 0.99 >= 0.97, though 0.9702 alone would be nearly at the bound
            read(spec(0.97, true, OnBreach.rollback), 0.9702, 0.98), Kind.Healthy,
            "ratio 0.99", true, 0),
        row("relative: stable without data cannot be compared", 10,
            read(spec(0.97, true, OnBreach.rollback), 0.9702, null), Kind.Inconclusive,
            "check checkout-success cannot compare v2 with v1", false, 0),
        row("relative: stable at zero cannot be divided by", 10,
            read(spec(0.97, true, OnBreach.rollback), 0.9702, 0.0), Kind.Inconclusive,
            "cannot compare v2 with v1", false, 0),
        row("max: above max breaches", 10,
            read(new CheckSpec("queue-depth", Q, OptionalDouble.empty(), OptionalDouble.of(100), false,
                OnBreach.rollback), 250.0, 12.0), Kind.Breach,
            "check queue-depth: v2 250 is above max 100", false, 1));
  }

  private static Arguments row(String name, int weight, CheckReading reading, Kind kind, String reason,
      boolean promotable, int trips) {
    return Arguments.of(name, weight, reading, kind, reason, promotable, trips);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rules")
  void rule(String name, int weight, CheckReading reading, Kind kind, String reason, boolean promotable, int trips) {
    Verdict v = Analyzer.analyze(snapshot(stable(), canary()), Thresholds.DEFAULT, weight, LONG_ENOUGH, REQUIRED,
        List.of(reading));
    assertThat(v.kind()).isEqualTo(kind);
    assertThat(v.reasons()).anySatisfy(r -> assertThat(r).contains(reason));
    assertThat(v.promotable()).isEqualTo(promotable);
    // trips: how many findings a check raised (rollback or watch); a gate only blocks.
    assertThat(v.reasons()).filteredOn(r -> r.endsWith("; onBreach: rollback") || r.endsWith("; onBreach: watch"))
        .hasSize(trips);
    if (!promotable) {
      assertThat(v.blockers()).anySatisfy(b -> assertThat(b).contains("check " + reading.name()));
    }
  }

  @org.junit.jupiter.api.Test
  void theBreachOfARollbackCheckIsTheFirstReasonSoTheRollbackNamesIt() {
    Verdict v = Analyzer.analyze(snapshot(stable(), canary()), Thresholds.DEFAULT, 10, LONG_ENOUGH, REQUIRED,
        List.of(read(spec(0.99, false, OnBreach.rollback), 0.9823, 0.996)));
    assertThat(v.reasons().get(0)).startsWith("check checkout-success:");
    assertThat(v.kind()).isEqualTo(Kind.Breach);
    assertThat(v.reasons().get(0)).endsWith("; onBreach: rollback");
  }
}
