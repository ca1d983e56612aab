package dev.canarybot.analysis;

import static dev.canarybot.analysis.Fixtures.canary;
import static dev.canarybot.analysis.Fixtures.snapshot;
import static dev.canarybot.analysis.Fixtures.stable;
import static org.assertj.core.api.Assertions.assertThat;

import dev.canarybot.analysis.Verdict.Kind;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VerdictTest {

  @Test
  void shortTimeAtStepBlocksButIsNoWatch() {
    Verdict v = Analyzer.analyze(snapshot(stable(), canary()), Thresholds.DEFAULT, 10,
        Duration.ofMinutes(12), Duration.ofMinutes(30));
    assertThat(v.kind()).isEqualTo(Kind.Healthy);
    assertThat(v.blockers()).containsExactly("observed 12m of the required 30m");
  }

  @Test
  void overridesChangeTheVerdict() {
    // fixture P95 is recomputed from the histogram: 100 + 150 * (0.95 - 0.80) / 0.18 = 225 ms
    Thresholds t = Thresholds.DEFAULT.withOverrides(Map.of("maxP95", "200ms"));
    Verdict v = Analyzer.analyze(snapshot(stable(), canary()), t, 10, Duration.ofHours(1), Duration.ofMinutes(30));
    assertThat(v.blockers()).containsExactly("v2 P95 225 ms is above the 200 ms gate");
  }

  @Test
  void reasonsListTheWorstFirst() {
    Verdict v = Analyzer.analyze(snapshot(stable().requests(22212, 4), canary().requests(2468, 57)),
        Thresholds.DEFAULT, 10, Duration.ofHours(1), Duration.ofMinutes(30));
    assertThat(v.reasons().get(0)).startsWith("v2 5xx rate 2.31 %");
    assertThat(v.reasons().get(0)).endsWith("is above the 1 % rollback trigger");
  }
}
