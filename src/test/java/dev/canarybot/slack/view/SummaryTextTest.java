package dev.canarybot.slack.view;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canarybot.analysis.LatencyHistogram;
import dev.canarybot.analysis.MetricSnapshot;
import dev.canarybot.analysis.PodHealth;
import dev.canarybot.analysis.Verdict;
import dev.canarybot.analysis.VersionMetrics;
import dev.canarybot.release.CanaryRelease;
import dev.canarybot.release.Command;
import dev.canarybot.release.Decision;
import dev.canarybot.release.ReleasePlan;
import dev.canarybot.release.ReleaseStateMachine;
import dev.canarybot.release.ReleaseTarget;
import dev.canarybot.service.port.Analysis;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/** The summary a person reads in the thread, character for character. */
class SummaryTextTest {
  static final Instant AT = Instant.parse("2026-11-28T10:05:00Z");

  static CanaryRelease release() {
    ReleaseTarget t = new ReleaseTarget("default", "api-vs", "primary",
        "api-service.default.svc.cluster.local", "v1", "v2", "api-v1", "api-v2");
    return ((Decision.Accepted) ReleaseStateMachine.decide(null,
        new Command.Start("<@U1>", "api-vs", t, ReleasePlan.DEFAULT, true, 0), AT)).release();
  }

  static VersionMetrics version(String v, double rps, double requests, double errors, double p50,
      double p95, double p99, PodHealth pods) {
    return new VersionMetrics(v, OptionalDouble.of(rps), OptionalDouble.of(requests),
        OptionalDouble.of(errors), OptionalDouble.of(p50), OptionalDouble.of(p95), OptionalDouble.of(p99),
        new LatencyHistogram(List.of()), pods, OptionalDouble.of(0.42), OptionalDouble.empty());
  }

  @Test
  void stableBesideCanaryWithTheVerdictAndWhatBlocks() {
    MetricSnapshot s = new MetricSnapshot(AT, Duration.ofMinutes(5),
        version("v1", 27.0, 8100, 0, 45, 180, 300, new PodHealth(3, 3, 0, 0)),
        version("v2", 3.0, 900, 1, 47, 190, 320, new PodHealth(2, 3, 1, 0)), null);
    Verdict v = new Verdict(Verdict.Kind.Inconclusive, List.of("need about 2,100 more requests to v2"),
        List.of("need about 2,100 more requests to v2", "only 2 of 3 v2 pods are ready"));

    String text = SummaryText.of(release(), new Analysis(s, v, 10));

    assertThat(text).isEqualTo(String.join("\n",
        "*api-vs* at 10 % · 10:05 UTC · since 10:00 UTC, 5m", // 10:05 less the 5m window
        "```",
        "           v1 (stable)              v2 (canary)",
        "req/s      27.0                     3.0",
        "5xx        0.00 % (0/8100)          0.11 % (1/900)",
        "P50        45 ms                    47 ms",
        "P95        180 ms                   190 ms",
        "P99        300 ms                   320 ms",
        "split      90.0 % (want 90 %)       10.0 % (want 10 %)",
        "pods       3/3 ready                2/3 ready, 1 restart",
        "cpu/limit  42 %                     42 %",
        "mem/limit  n/a                      n/a",
        "```",
        ":white_circle: *Not enough data*: need about 2,100 more requests to v2 · promotion blocked (2 reasons)",
        "*Blocks promotion:* need about 2,100 more requests to v2; only 2 of 3 v2 pods are ready"));
  }

  @Test
  void unavailableMetricsSaySoInsteadOfATable() {
    MetricSnapshot s = new MetricSnapshot(AT, Duration.ofMinutes(5), VersionMetrics.empty("v1"),
        VersionMetrics.empty("v2"), "Prometheus at http://prom:9090/api/v1/query: unreachable");
    Verdict v = new Verdict(Verdict.Kind.Inconclusive, List.of("metrics unavailable"), List.of("metrics unavailable"));
    assertThat(SummaryText.of(release(), new Analysis(s, v, 10)))
        .contains(":warning: metrics unavailable: Prometheus at http://prom:9090/api/v1/query: unreachable")
        .doesNotContain("```");
  }
}
