package dev.canarybot.service;

import static dev.canarybot.analysis.ChartFixtures.at;
import static dev.canarybot.analysis.ChartFixtures.promoted;
import static dev.canarybot.analysis.ChartFixtures.started;
import static org.assertj.core.api.Assertions.assertThat;

import dev.canarybot.analysis.ChartModel;
import dev.canarybot.analysis.MetricHistory;
import dev.canarybot.analysis.MetricSnapshot;
import dev.canarybot.analysis.Verdict;
import dev.canarybot.release.CanaryRelease;
import dev.canarybot.release.CardRef;
import dev.canarybot.release.HistoryEntry;
import dev.canarybot.service.port.Analysis;
import dev.canarybot.service.port.MetricsSource;
import dev.canarybot.service.port.ReleaseNotifier;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The summary asks for the release's own span and hands the notifier a chart model. */
class SummaryJobTest {
  final InMemoryReleaseStore store = new InMemoryReleaseStore();
  final LatestAnalysis latest = new LatestAnalysis();
  final List<String> asked = new ArrayList<>();
  final List<Optional<ChartModel>> charts = new ArrayList<>();

  final MetricsSource metrics = new MetricsSource() {
    @Override
    public Map<String, MetricSnapshot> snapshots(List<CanaryRelease> releases, Duration window) {
      return Map.of();
    }

    @Override
    public Optional<MetricHistory> history(CanaryRelease release, Duration range, Duration step) {
      asked.add(release.name() + " " + range + " " + step);
      if (release.name().equals("broken")) {
        throw new IllegalStateException("no history for you");
      }
      List<MetricHistory.Point> two = List.of(new MetricHistory.Point(at(10), 0.001), new MetricHistory.Point(at(20), 0.002));
      return Optional.of(new MetricHistory(Map.of("v2", two), Map.of()));
    }
  };

  final ReleaseNotifier notifier = new ReleaseNotifier() {
    @Override
    public void transitioned(CanaryRelease release, HistoryEntry entry, String outcome) {}

    @Override
    public void summary(CanaryRelease release, Analysis analysis, Optional<ChartModel> chart) {
      charts.add(chart);
    }
  };

  SummaryJob job() {
    return new SummaryJob(store, latest, notifier, () -> true, metrics,
        Clock.fixed(at(40), ZoneOffset.UTC));
  }

  CanaryRelease watched(CanaryRelease r) {
    CanaryRelease withCard = r.withCard(new CardRef("C1", "1.000" + r.name().length()));
    store.create(withCard);
    latest.put(withCard, new Analysis(null, new Verdict(Verdict.Kind.Healthy, List.of(), List.of()),
        withCard.weight()));
    return withCard;
  }

  @Test
  void asksForHistorySinceTheStartWithAStepThatKeepsUnderFourHundredPoints() {
    watched(promoted(started(at(0)), at(30)));

    job().post();

    // Started 10:00, now 10:40: 2,400 s; 2,400 / 399 = 6.02 -> a 7 s step.
    assertThat(asked).containsExactly("api-vs PT40M PT7S");
    ChartModel chart = charts.get(0).orElseThrow();
    assertThat(chart.span().from()).isEqualTo(at(0));
    assertThat(chart.markers()).extracting(ChartModel.Marker::label).containsExactly("promote → 50 %");
    assertThat(chart.errorLevels()).isNotEmpty();
  }

  @Test
  void invalidThresholdsGiveAChartWithoutLevels() {
    CanaryRelease r = started(at(0));
    watched(new CanaryRelease(r.name(), r.target(), r.plan(), r.autoRollback(), r.status(),
        Map.of("maxErrorRate", "lots")));

    job().post();

    // The verdict says what is wrong with them; the chart draws no line rather than a default one.
    ChartModel chart = charts.get(0).orElseThrow();
    assertThat(chart.errorLevels()).isEmpty();
    assertThat(chart.p95Levels()).isEmpty();
  }

  @Test
  void oneReleaseWhoseHistoryFailsDoesNotKeepTheOthersSummaries() {
    CanaryRelease r = started(at(0));
    watched(new CanaryRelease("broken", r.target(), r.plan(), r.autoRollback(), r.status(), Map.of()));
    watched(new CanaryRelease("fine", r.target(), r.plan(), r.autoRollback(), r.status(), Map.of()));

    job().post();

    assertThat(asked).containsExactlyInAnyOrder("broken PT40M PT7S", "fine PT40M PT7S");
    assertThat(charts).hasSize(1);
  }
}
