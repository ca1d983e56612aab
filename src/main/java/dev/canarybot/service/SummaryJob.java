package dev.canarybot.service;

import dev.canarybot.analysis.ChartModel;
import dev.canarybot.analysis.ChartSpan;
import dev.canarybot.analysis.InvalidThresholdsException;
import dev.canarybot.analysis.Thresholds;
import dev.canarybot.release.CanaryRelease;
import dev.canarybot.service.port.Leadership;
import dev.canarybot.service.port.MetricsSource;
import dev.canarybot.service.port.ReleaseNotifier;
import dev.canarybot.service.port.ReleaseStore;
import dev.canarybot.service.port.StoredRelease;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.jboss.logging.Logger;

/** Every summary interval, on the leader: the numbers of each watched canary in its thread. */
@ApplicationScoped
public class SummaryJob {
  private static final Logger LOG = Logger.getLogger(SummaryJob.class);
  private final ReleaseStore store;
  private final LatestAnalysis latest;
  private final ReleaseNotifier notifier;
  private final Leadership leadership;
  private final MetricsSource metrics;
  private final Clock clock;

  public SummaryJob(ReleaseStore store, LatestAnalysis latest, ReleaseNotifier notifier,
      Leadership leadership, MetricsSource metrics, Clock clock) {
    this.metrics = metrics;
    this.store = store;
    this.latest = latest;
    this.notifier = notifier;
    this.leadership = leadership;
    this.clock = clock;
  }

  @Scheduled(identity = "summary", every = "${canary.summary.interval}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void scheduled() {
    LeaderOnly.run(leadership, LOG, "summary", this::post);
  }

  /** Posts a summary for every watched release the analysis has numbers for. */
  public void post() {
    Instant now = clock.instant();
    store.listAll().stream().map(StoredRelease::release)
        .filter(r -> r.phase().isWatched() && r.status().card() != null)
        .forEach(r -> latest.of(r).ifPresent(a -> {
          try {
            notifier.summary(r, a, chart(r, now));
          } catch (RuntimeException e) {
            // One release's summary failing must not keep the others' from their threads.
            LOG.warnf(e, "summary of %s.%s failed; it runs again at the next interval", r.name(), r.namespace());
          }
        }));
  }

  /** The release so far (at most the last hours), from the metrics source's history. */
  private Optional<ChartModel> chart(CanaryRelease r, Instant now) {
    ChartSpan span = ChartSpan.of(r, now);
    return metrics.history(r, span.range(), span.step()).filter(h -> !h.isEmpty())
        .map(h -> ChartModel.of(r, h, thresholds(r), span));
  }

  /** The thresholds the analysis judges by, or null when they are invalid (the verdict says so). */
  private static Thresholds thresholds(CanaryRelease r) {
    try {
      return ReleaseAnalyzer.thresholds(r);
    } catch (InvalidThresholdsException e) {
      return null;
    }
  }
}
