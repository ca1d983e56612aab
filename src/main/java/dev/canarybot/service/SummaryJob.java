package dev.canarybot.service;

import dev.canarybot.service.port.Leadership;
import dev.canarybot.service.port.MetricsSource;
import dev.canarybot.service.port.ReleaseNotifier;
import dev.canarybot.service.port.ReleaseStore;
import dev.canarybot.service.port.StoredRelease;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/** Every summary interval, on the leader: the numbers of each watched canary in its thread. */
@ApplicationScoped
public class SummaryJob {
  private static final Logger LOG = Logger.getLogger(SummaryJob.class);
  /** The chart shows the last half hour: longer than any step's start, short enough to read. */
  private static final java.time.Duration CHART_RANGE = java.time.Duration.ofMinutes(30);
  private static final java.time.Duration CHART_STEP = java.time.Duration.ofSeconds(30);
  private final ReleaseStore store;
  private final LatestAnalysis latest;
  private final ReleaseNotifier notifier;
  private final Leadership leadership;
  private final MetricsSource metrics;

  public SummaryJob(ReleaseStore store, LatestAnalysis latest, ReleaseNotifier notifier,
      Leadership leadership, MetricsSource metrics) {
    this.metrics = metrics;
    this.store = store;
    this.latest = latest;
    this.notifier = notifier;
    this.leadership = leadership;
  }

  @Scheduled(identity = "summary", every = "${canary.summary.interval}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void scheduled() {
    if (!leadership.isLeader()) {
      return;
    }
    try {
      post();
    } catch (RuntimeException e) {
      LOG.warn("summary failed; it runs again at the next interval", e);
    }
  }

  /** Posts a summary for every watched release the analysis has numbers for. */
  public void post() {
    store.listAll().stream().map(StoredRelease::release)
        .filter(r -> r.phase().isWatched() && r.status().card() != null)
        .forEach(r -> latest.of(r).ifPresent(a -> notifier.summary(r, a,
            metrics.history(r, CHART_RANGE, CHART_STEP).filter(h -> !h.isEmpty()))));
  }
}
