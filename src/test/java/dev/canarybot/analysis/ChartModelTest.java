package dev.canarybot.analysis;

import static dev.canarybot.analysis.ChartFixtures.at;
import static dev.canarybot.analysis.ChartFixtures.drifted;
import static dev.canarybot.analysis.ChartFixtures.flat;
import static dev.canarybot.analysis.ChartFixtures.paused;
import static dev.canarybot.analysis.ChartFixtures.promoted;
import static dev.canarybot.analysis.ChartFixtures.resumed;
import static dev.canarybot.analysis.ChartFixtures.rolledBack;
import static dev.canarybot.analysis.ChartFixtures.started;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.canarybot.analysis.ChartModel.LevelKind;
import dev.canarybot.analysis.ChartModel.Role;
import dev.canarybot.analysis.ChartModel.WeightStep;
import dev.canarybot.release.CanaryRelease;
import dev.canarybot.release.ReleaseStatus;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChartModelTest {
  static final MetricHistory NONE = new MetricHistory(Map.of(), Map.of());

  static ChartModel model(CanaryRelease r, MetricHistory h, int nowMinutes) {
    return ChartModel.of(r, h, Thresholds.DEFAULT.withOverrides(r.thresholds()), ChartSpan.of(r, at(nowMinutes)));
  }

  @Test
  void ratiosBecomePercentsPerVersionStableFirst() {
    MetricHistory h = new MetricHistory(
        Map.of("v2", List.of(new MetricHistory.Point(at(1), 0.004)),
            "v1", List.of(new MetricHistory.Point(at(1), 0.0005))),
        Map.of("v1", List.of(new MetricHistory.Point(at(1), 180)), "v2", List.of(new MetricHistory.Point(at(1), 210))));

    ChartModel m = model(started(at(0)), h, 5);

    assertThat(m.errorPercent()).extracting(ChartModel.Series::version).containsExactly("v1", "v2");
    assertThat(m.errorPercent()).extracting(ChartModel.Series::role).containsExactly(Role.STABLE, Role.CANARY);
    assertThat(m.errorPercent().get(0).points().get(0).value()).isCloseTo(0.05, within(1e-12)); // 0.0005 = 0.05 %
    assertThat(m.errorPercent().get(1).points().get(0).value()).isCloseTo(0.4, within(1e-12)); // 0.004 = 0.4 %
    assertThat(m.p95Ms().get(1).points().get(0).value()).isEqualTo(210); // milliseconds stay milliseconds
    assertThat(m.errorPercent().get(0).label()).isEqualTo("v1 (stable)");
  }

  @Test
  void pointsOutsideTheSpanOrNotFiniteAreLeftOut() {
    MetricHistory h = new MetricHistory(Map.of("v2", List.of(
        new MetricHistory.Point(at(-1), 0.01), // before the start: the previous release's traffic
        new MetricHistory.Point(at(1), Double.NaN),
        new MetricHistory.Point(at(2), 0.001),
        new MetricHistory.Point(at(6), 0.001))), // after now
        Map.of());

    ChartModel m = model(started(at(0)), h, 5);

    assertThat(m.errorPercent().get(1).points()).extracting(MetricHistory.Point::at).containsExactly(at(2));
    assertThat(m.errorPercent().get(0).points()).isEmpty();
  }

  @Test
  void theWeightStepsAtEachTransitionAndRunsToNow() {
    CanaryRelease r = resumed(paused(promoted(started(at(0)), at(30)), at(45)), at(50));

    ChartModel m = model(r, NONE, 60);

    assertThat(m.canaryWeight()).containsExactly(
        new WeightStep(at(0), 10), new WeightStep(at(30), 50), new WeightStep(at(45), 50),
        new WeightStep(at(50), 50), new WeightStep(at(60), 50));
  }

  @Test
  void eachTransitionIsMarkedWithTheWeightItLeft() {
    CanaryRelease r = rolledBack(resumed(drifted(resumed(paused(promoted(started(at(0)), at(30)), at(45)), at(46)),
        at(48), 80), at(50)), at(55));

    ChartModel m = model(r, NONE, 60);

    // The start is the span's left edge, not a marker; the rest say where the weight went.
    assertThat(m.markers()).extracting(ChartModel.Marker::label).containsExactly(
        "promote → 50 %", "pause at 50 %", "resume at 50 %", "drift at 50 %", "resume at 50 %", "rollback → 0 %");
    assertThat(m.markers()).extracting(ChartModel.Marker::at)
        .containsExactly(at(30), at(45), at(46), at(48), at(50), at(55));
    assertThat(m.canaryWeight().get(m.canaryWeight().size() - 1)).isEqualTo(new WeightStep(at(60), 0));
  }

  @Test
  void aSpanCutToSixHoursStartsAtTheWeightThenInForce() {
    CanaryRelease r = promoted(promoted(started(at(0)), at(120)), at(400));

    ChartModel m = model(r, NONE, 600); // 10 h after the start: the span begins at 4 h (240 min)

    assertThat(m.canaryWeight()).containsExactly(
        new WeightStep(at(240), 50), // promoted to 50 at 2 h, before the span
        new WeightStep(at(400), 100), new WeightStep(at(600), 100));
    assertThat(m.markers()).extracting(ChartModel.Marker::label).containsExactly("promote → 100 %");
    assertThat(m.title()).isEqualTo("api-vs: v1 (stable) vs v2 (canary), last 6h00m of 10h00m");
  }

  @Test
  void aHistoryThatLostItsOlderEntriesStartsFromTheFirstKeptEntrysOldWeight() {
    CanaryRelease r = promoted(promoted(started(at(0)), at(120)), at(400));
    ReleaseStatus s = r.status();
    // Only the 100 % promotion is left (as when older entries were dropped from the resource).
    CanaryRelease trimmed = r.withStatus(new ReleaseStatus(s.phase(), s.stepIndex(), s.weight(), s.stepStartedAt(),
        s.appliedWeight(), s.drifted(), s.cleanupMode(), s.card(), s.history().subList(2, 3)));

    ChartModel m = model(trimmed, NONE, 450); // no start entry: from the oldest kept entry, 400 min

    assertThat(m.span().from()).isEqualTo(at(400));
    assertThat(m.canaryWeight()).containsExactly(new WeightStep(at(400), 100), new WeightStep(at(450), 100));
  }

  @Test
  void theDefaultLevelsAreTheGateAndTheRollbackTrigger() {
    ChartModel m = model(started(at(0)), NONE, 5);

    // Thresholds.DEFAULT: maxErrorRate 0.001 = 0.1 %, rollbackErrorRate 0.01 = 1 %
    assertThat(m.errorLevels()).containsExactly(
        new ChartModel.Level(LevelKind.GATE, 0.1, "gate 0.1 %"),
        new ChartModel.Level(LevelKind.ROLLBACK, 1.0, "rollback 1 %"));
    assertThat(m.p95Levels()).containsExactly(
        new ChartModel.Level(LevelKind.GATE, 2000, "gate 2,000 ms"),
        new ChartModel.Level(LevelKind.ROLLBACK, 5000, "rollback 5,000 ms"));
  }

  @Test
  void aReleasesOverridesMoveItsLines() {
    CanaryRelease r = started(at(0), Map.of("maxErrorRate", "0.5%", "rollbackErrorRate", "2%", "watchErrorRate", "1%"));

    MetricHistory over = new MetricHistory(Map.of("v2", List.of(new MetricHistory.Point(at(2), 0.008))), Map.of());

    ChartModel m = model(r, NONE, 5);
    ChartModel crossed = model(r, over, 5);

    assertThat(m.errorLevels()).extracting(ChartModel.Level::label).containsExactly("gate 0.5 %", "rollback 2 %");
    assertThat(m.errorAxisTop()).isCloseTo(1.1, within(1e-9)); // the 1 % floor (above the 0.5 % gate), plus 10 %
    // 0.8 % is past the 0.5 % gate: the 2 % rollback line comes onto the scale, plus 10 %
    assertThat(crossed.errorAxisTop()).isCloseTo(2.2, within(1e-9));
  }

  @Test
  void invalidThresholdsDrawNoLines() {
    CanaryRelease r = started(at(0));

    ChartModel m = ChartModel.of(r, NONE, null, ChartSpan.of(r, at(5)));

    assertThat(m.errorLevels()).isEmpty();
    assertThat(m.p95Levels()).isEmpty();
    assertThat(m.errorAxisTop()).isCloseTo(1.1, within(1e-9)); // the 1 % floor, plus 10 %
    assertThat(m.p95AxisTop()).isCloseTo(110, within(1e-9)); // the 100 ms floor, plus 10 %
  }

  @Test
  void theAxesReachAtLeastOnePercentEveryPointAndTheGate() {
    MetricHistory low = new MetricHistory(Map.of("v2", flat(at(1), at(4), Duration.ofMinutes(1), 0.0002)),
        Map.of("v1", flat(at(1), at(4), Duration.ofMinutes(1), 180)));
    MetricHistory spike = new MetricHistory(Map.of("v2", List.of(new MetricHistory.Point(at(2), 0.03))),
        Map.of("v2", List.of(new MetricHistory.Point(at(2), 7000))));

    ChartModel quiet = model(started(at(0)), low, 5);
    ChartModel loud = model(started(at(0)), spike, 5);

    assertThat(quiet.errorAxisTop()).isCloseTo(1.1, within(1e-9)); // the 1 % rollback line, plus 10 %
    // 180 ms is far below the 2,000 ms gate: the axis reaches the gate, plus 10 %; the 5,000 ms rollback
    // line would flatten the series, so it waits until a point crosses the gate.
    assertThat(quiet.p95AxisTop()).isCloseTo(2200, within(1e-9));
    assertThat(loud.errorAxisTop()).isCloseTo(3.3, within(1e-9)); // the 3 % point, plus 10 %
    assertThat(loud.p95AxisTop()).isCloseTo(7700, within(1e-9)); // the 7,000 ms point, plus 10 %
  }

  @Test
  void aChartNeedsOneSeriesWithTwoPoints() {
    MetricHistory onePoint = new MetricHistory(
        Map.of("v1", List.of(new MetricHistory.Point(at(1), 0.0)), "v2", List.of(new MetricHistory.Point(at(1), 0.0))),
        Map.of("v1", List.of(new MetricHistory.Point(at(1), 180)), "v2", List.of(new MetricHistory.Point(at(1), 190))));
    MetricHistory twoPoints = new MetricHistory(Map.of(),
        Map.of("v2", List.of(new MetricHistory.Point(at(1), 180), new MetricHistory.Point(at(2), 190))));

    assertThat(model(started(at(0)), NONE, 5).drawable()).isFalse();
    assertThat(model(started(at(0)), onePoint, 5).drawable()).isFalse(); // four points, but one instant
    assertThat(model(started(at(0)), twoPoints, 5).drawable()).isTrue();
  }

  @Test
  void theTitleSaysWhatIsComparedSinceWhen() {
    assertThat(model(started(at(2)), NONE, 30).title())
        .isEqualTo("api-vs: v1 (stable) vs v2 (canary) since the start at 10:02 UTC");
  }
}
