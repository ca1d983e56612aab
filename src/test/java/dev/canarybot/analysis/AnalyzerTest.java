package dev.canarybot.analysis;

import static dev.canarybot.analysis.Fixtures.AT;
import static dev.canarybot.analysis.Fixtures.INF;
import static dev.canarybot.analysis.Fixtures.WINDOW;
import static dev.canarybot.analysis.Fixtures.canary;
import static dev.canarybot.analysis.Fixtures.histogram;
import static dev.canarybot.analysis.Fixtures.snapshot;
import static dev.canarybot.analysis.Fixtures.stable;
import static org.assertj.core.api.Assertions.assertThat;

import dev.canarybot.analysis.Verdict.Kind;
import java.time.Duration;
import java.util.OptionalDouble;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One row per rule: a snapshot that differs from a healthy 90/10 canary in one respect, the
 * kind it must get, a reason it must give and whether promotion stays open. Defaults apply,
 * 40 minutes at a step that needs 30.
 */
class AnalyzerTest {
  private static final Duration LONG_ENOUGH = Duration.ofMinutes(40);
  private static final Duration REQUIRED = Duration.ofMinutes(30);

  static Stream<Arguments> rules() {
    return Stream.of(
        row("a clean canary with enough traffic is healthy",
            snapshot(stable(), canary()), 10, Kind.Healthy,
            // 0 errors in 5,000: upper bound 1 - 0.05^(1/5000) = 0.0599 % < 0.1 %
            "v2 5xx rate 0 % (0 of 5,000 requests) is below the 0.1 % gate with 95 % confidence", true),
        row("an unreachable Prometheus blocks promotion",
            new MetricSnapshot(AT, WINDOW, null, null, "Prometheus unreachable: connection refused"), 10,
            Kind.Inconclusive, "metrics unavailable: Prometheus unreachable: connection refused", false),
        row("a canary without requests is not enough data",
            snapshot(stable(), canary().noRequests()), 10, Kind.Inconclusive,
            "no requests to v2 in the last 5m", false),
        row("too few clean requests say how many more are needed",
            // 2,995 needed for 0.1 % at 95 % (ln 0.05 / ln 0.999 = 2994.2) - 1,095 seen = 1,900
            snapshot(stable().requests(9855, 2), canary().requests(1095, 0)), 10, Kind.Inconclusive,
            "need about 1,900 more requests", false),
        row("an error rate surely above 1 % is a breach",
            // 57 / 2,468 = 2.31 %; its 95 % lower bound 1.83 % (beta quantile) > 1 %
            snapshot(stable().requests(22212, 4), canary().requests(2468, 57)), 10, Kind.Breach,
            "v2 5xx rate 2.31 % (57 of 2,468 requests) is above the 1 % rollback trigger", false),
        row("two errors in a hundred are not yet a breach",
            // 2 / 100 = 2 %, but the 95 % lower bound is 0.36 %: below even the watch trigger
            snapshot(stable().requests(900, 0), canary().requests(100, 2)), 10, Kind.Inconclusive,
            "v2 5xx rate 2 % (2 of 100 requests) is above the 0.5 % watch trigger, but too few requests to be sure", false),
        row("an error rate surely above 0.5 % is a watch",
            // 80 / 10,000 = 0.8 %, lower bound 0.66 % > 0.5 %, upper bound below 1 %
            snapshot(stable().requests(90000, 10), canary().requests(10000, 80)), 10, Kind.Watch,
            "v2 5xx rate 0.8 % (80 of 10,000 requests) is above the 0.5 % watch trigger", false),
        row("worse than stable and above 1 % is a breach even before the bound is past 1 %",
            // 15/1000 = 1.5 %, lower bound 0.93 %; vs 20/9000: pooled 35/10000 = 0.0035,
            // se = sqrt(0.0035 * 0.9965 * (1/1000 + 1/9000)) = 0.001965, z = (0.015 - 0.00222) / 0.001965 = 6.49
            snapshot(stable().requests(9000, 20), canary().requests(1000, 15)), 10, Kind.Breach,
            "v2's error rate (1.5 %) is higher than v1's (0.22 %) with 99 % confidence", false),
        row("worse than stable but below the triggers is a watch",
            // 30/10000 = 0.3 % vs 10/90000 = 0.011 %: z = 13.7, lower bound 0.22 % < 0.5 %
            snapshot(stable().requests(90000, 10), canary().requests(10000, 30)), 10, Kind.Watch,
            "v2's error rate (0.3 %) is higher than v1's (0.01 %) with 99 % confidence", false),
        row("a P95 surely above 5 s is a breach",
            // 200 of 1,000 above 5,000 ms: P95 rank 950 in (5000, 10000] holding 200:
            // 5000 + 5000 * (950 - 800) / 200 = 8,750 ms; lower bound of 200/1000 is 17.9 % > 5 %
            snapshot(stable().requests(9000, 0),
                canary().requests(1000, 0).latency(histogram(250, 700, 5000, 800, 10000, 1000, INF, 1000))),
            10, Kind.Breach, "v2 P95 8,750 ms is above the 5,000 ms rollback trigger", false),
        row("a P95 above 5 s from ten requests is not yet a breach",
            // 2 of 10 above 5 s: lower bound of 2/10 is 3.7 % < 5 %; stable shaped alike,
            // so only the trigger is in question
            snapshot(stable().requests(90, 0).latency(histogram(250, 63, 5000, 72, 10000, 90, INF, 90)),
                canary().requests(10, 0).latency(histogram(250, 7, 5000, 8, 10000, 10, INF, 10))),
            10, Kind.Inconclusive, "v2 P95 8,750 ms is above the 5,000 ms rollback trigger, but too few requests to be sure", false),
        row("a canary slower than stable is a watch",
            // every canary request in (250, 500], every stable one in (0, 100]: P(slower) = 1
            snapshot(stable().latency(histogram(100, 45000, 250, 45000, 500, 45000, INF, 45000)),
                canary().latency(histogram(100, 0, 250, 0, 500, 5000, INF, 5000))),
            10, Kind.Watch, "v2 is slower than v1 with 99 % confidence (a v2 request is the slower of a pair 100 % of the time)", false),
        row("a P95 far above stable's blocks promotion",
            // limit 1.5 * 400 + 50 = 650 ms < 900 ms
            snapshot(stable().p95(400), canary().p95(900)), 10, Kind.Healthy,
            "v2 P95 900 ms is above 1.5x v1's 400 ms + 50 ms (650 ms)", false),
        row("two OOMKills are a breach without any traffic",
            snapshot(stable(), canary().noRequests().pods(new PodHealth(2, 3, 2, 2))), 10, Kind.Breach,
            "v2 had 2 containers OOMKilled since the step began (rollback at 2)", false),
        row("one OOMKill is a watch",
            snapshot(stable(), canary().pods(new PodHealth(3, 3, 1, 1))), 10, Kind.Watch,
            "v2 had 1 container OOMKilled since the step began", false),
        row("a split far off the weight is a watch",
            // 1,800 of 10,000 = 18 %, lower bound 17.4 % > 10 % + 5 pp
            snapshot(stable().requests(8200, 0), canary().requests(1800, 0)), 10, Kind.Watch,
            "observed 18 % to v2, configured 10 %", false),
        row("a split off the weight on twenty requests is not judged",
            // 3 of 20 = 15 %, its interval 4.2 %..34 % contains 10 %
            snapshot(stable().requests(17, 0), canary().requests(3, 0)), 10, Kind.Inconclusive,
            "need about", false),
        row("CPU near the limit blocks promotion",
            snapshot(stable(), canary().cpu(0.85)), 10, Kind.Healthy,
            "v2 CPU at 85 % of its limit, above the 80 % gate", false),
        row("unknown CPU and memory are reported but do not block",
            snapshot(stable(), canary().noUsage()), 10, Kind.Healthy,
            "v2 CPU against limits not available", true),
        row("a stable without traffic leaves nothing to compare with",
            snapshot(stable().noRequests(), canary()), 10, Kind.Inconclusive,
            "no requests to v1 to compare v2 with", false),
        row("at 100 % stable's silence is expected",
            snapshot(stable().noRequests(), canary()), 100, Kind.Healthy,
            "below the 0.1 % gate", true),
        row("a P95 is recomputed from the histogram when the source has none",
            // fixture histogram: 100 + 150 * (0.95 - 0.80) / 0.18 = 225 ms; gate 2,000 ms -> fine,
            // a 200 ms gate override would block, see the override row
            snapshot(stable(), canary()), 10, Kind.Healthy, "gate with 95 % confidence", true),
        row("a fresh fault the window still dilutes breaches on the recent minute",
            // the window: 450 / 60,000 = 0.75 %, a Watch at most; the last minute: 600 / 12,000 = 5 %
            recent(snapshot(stable().requests(540000, 90), canary().requests(60000, 450)), 12000, 600),
            10, Kind.Breach,
            "v2 5xx rate 5 % (600 of 12,000 requests) in the last 1m is above the 1 % rollback trigger", false),
        row("one error in the recent minute's few requests is not a breach",
            // 1 / 50 = 2 %, but its 95 % lower bound is 0.1 %
            recent(snapshot(stable(), canary()), 50, 1), 10, Kind.Healthy, "gate with 95 % confidence", true),
        row("a clean recent minute changes nothing",
            recent(snapshot(stable(), canary()), 1000, 0), 10, Kind.Healthy, "gate with 95 % confidence", true),
        row("a recent minute without data is no finding: the window judges",
            new MetricSnapshot(AT, WINDOW, stable().build(), canary().build(), null,
                new RecentErrors(Duration.ofMinutes(1), OptionalDouble.empty(), OptionalDouble.empty())),
            10, Kind.Healthy, "gate with 95 % confidence", true));
  }

  private static MetricSnapshot recent(MetricSnapshot s, double requests, double errors) {
    return new MetricSnapshot(s.at(), s.window(), s.stable(), s.canary(), null,
        new RecentErrors(Duration.ofMinutes(1), OptionalDouble.of(requests), OptionalDouble.of(errors)));
  }

  private static Arguments row(
      String name, MetricSnapshot s, int weight, Kind kind, String reason, boolean promotable) {
    return Arguments.of(name, s, weight, kind, reason, promotable);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rules")
  void rule(String name, MetricSnapshot s, int weight, Kind kind, String reason, boolean promotable) {
    Verdict v = Analyzer.analyze(s, Thresholds.DEFAULT, weight, LONG_ENOUGH, REQUIRED);
    assertThat(v.kind()).as(v.toString()).isEqualTo(kind);
    assertThat(String.join("\n", v.reasons()) + "\n" + String.join("\n", v.blockers()))
        .as(v.toString()).contains(reason);
    assertThat(v.promotable()).as(v.toString()).isEqualTo(promotable);
  }

  @org.junit.jupiter.api.Test
  void aHealthyVerdictLeadsWithTheNumbersThatProveItAndListsWhatIsNotAvailableLast() {
    Verdict v = Analyzer.analyze(snapshot(stable().p95(97), canary().p95(97).noUsage()), Thresholds.DEFAULT, 10,
        LONG_ENOUGH, REQUIRED);

    assertThat(v.kind()).isEqualTo(Kind.Healthy);
    assertThat(v.reasons().get(0)).isEqualTo("v2 0 errors in 5,000; P95 97 ms vs 97 ms");
    assertThat(v.reasons().subList(v.reasons().size() - 2, v.reasons().size()))
        .containsExactly("v2 CPU against limits not available", "v2 memory against limits not available");
    assertThat(VerdictText.plain(v)).startsWith("Healthy: v2 0 errors in 5,000; P95 97 ms vs 97 ms (+");
  }

  @org.junit.jupiter.api.Test
  void aBreachLeadsWithTheFindingThatTrippedAndItsThreshold() {
    Verdict v = Analyzer.analyze(snapshot(stable().requests(22212, 4), canary().requests(2468, 57).noUsage()),
        Thresholds.DEFAULT, 10, LONG_ENOUGH, REQUIRED);

    assertThat(v.reasons().get(0)).isEqualTo(
        "v2 5xx rate 2.31 % (57 of 2,468 requests) is above the 1 % rollback trigger");
    assertThat(v.reasons().get(v.reasons().size() - 1)).endsWith("against limits not available");
  }
}
