package dev.canarybot.service;

import dev.canarybot.analysis.Episode;
import dev.canarybot.analysis.Verdict;
import dev.canarybot.release.CanaryRelease;
import dev.canarybot.release.LastVerdict;
import dev.canarybot.service.port.Analysis;
import dev.canarybot.service.port.ConflictException;
import dev.canarybot.service.port.Leadership;
import dev.canarybot.service.port.MetricsSource;
import dev.canarybot.service.port.ReleaseNotifier;
import dev.canarybot.service.port.ReleaseStore;
import dev.canarybot.service.port.StoredRelease;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Every analysis interval, on the leader: one batch of metrics for all watched canaries, a
 * verdict each, one alert per episode, and an automatic rollback on a breach when the release
 * allows it. The episode kind is kept in the release's status so a new leader does not alert
 * again.
 */
@ApplicationScoped
public class AnalysisJob {
  static final String BOT = "canary-bot";
  private static final Logger LOG = Logger.getLogger(AnalysisJob.class);

  private final ReleaseStore store;
  private final ReleaseAnalyzer analyzer;
  private final ReleaseService releases;
  private final ReleaseNotifier notifier;
  private final LatestAnalysis latest;
  private final Leadership leadership;
  private final CanaryConfig config;
  private final Clock clock;
  private final AtomicInteger unavailableTicks = new AtomicInteger();
  private volatile boolean unavailableAlerted;

  public AnalysisJob(ReleaseStore store, ReleaseAnalyzer analyzer, ReleaseService releases,
      ReleaseNotifier notifier, LatestAnalysis latest, Leadership leadership, CanaryConfig config,
      Clock clock) {
    this.store = store;
    this.analyzer = analyzer;
    this.releases = releases;
    this.notifier = notifier;
    this.latest = latest;
    this.leadership = leadership;
    this.config = config;
    this.clock = clock;
  }

  @Scheduled(identity = "analysis", every = "${canary.analysis.interval}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void scheduled() {
    if (!leadership.isLeader()) {
      return;
    }
    try {
      tick();
    } catch (RuntimeException e) {
      LOG.warn("analysis tick failed; it runs again at the next interval", e);
    }
  }

  /** One analysis of every watched release. */
  public void tick() {
    List<StoredRelease> watched = store.listAll().stream()
        .filter(s -> s.release().phase().isWatched()).toList();
    if (watched.isEmpty()) {
      return;
    }
    Map<String, Analysis> results = analyzer.analyze(
        watched.stream().map(StoredRelease::release).toList());
    trackAvailability(watched, results);
    for (StoredRelease stored : watched) {
      Analysis a = results.get(MetricsSource.key(stored.release()));
      try {
        act(stored, a);
      } catch (RuntimeException e) {
        LOG.warnf(e, "analysis of %s failed", stored.release().name());
      }
    }
  }

  private void act(StoredRelease stored, Analysis a) {
    CanaryRelease r = stored.release();
    latest.put(r, a);
    Verdict v = a.verdict();
    Verdict.Kind previous = previousKind(r);
    Episode.Signal signal = Episode.next(previous, v.kind());
    boolean rolledBack = false;
    // The alert redraws the card: after a rollback it must show the release as now stored, not
    // as analyzed, or the card goes back to "Progressing" with a Promote button.
    CanaryRelease now = r;
    if (v.kind() == Verdict.Kind.Breach && r.autoRollback()) {
      // The most severe findings come first; the rest (notes) stay in the alert.
      ActionResult result = releases.rollback(r.namespace(), r.name(), BOT, "automatic rollback: "
          + String.join("; ", v.reasons().subList(0, Math.min(2, v.reasons().size()))), r.weight());
      if (result instanceof ActionResult.Done done) {
        rolledBack = true;
        now = done.release();
      }
    }
    if (signal == Episode.Signal.OPENED || signal == Episode.Signal.WORSENED) {
      notifier.alert(now, a, rolledBack);
    } else if (signal == Episode.Signal.RECOVERED) {
      notifier.recovered(r, a);
    }
    if (signal != Episode.Signal.HOLD && v.kind() != previous) {
      remember(r, v);
    }
  }

  /** Stores the new episode kind; a lost race is harmless, the next tick tries again. */
  private void remember(CanaryRelease analyzed, Verdict v) {
    store.find(analyzed.namespace(), analyzed.name()).ifPresent(now -> {
      try {
        store.update(now, now.release().withLastVerdict(
            new LastVerdict(v.kind().name(), v.summaryLine(), clock.instant())));
      } catch (ConflictException e) {
        LOG.debugf("verdict of %s not stored this tick: %s", analyzed.name(), e.getMessage());
      }
    });
  }

  private static Verdict.Kind previousKind(CanaryRelease r) {
    if (r.status().lastVerdict() == null) {
      return null;
    }
    try {
      return Verdict.Kind.valueOf(r.status().lastVerdict().kind());
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** One channel alert when the source has been silent for several ticks, one when it is back. */
  private void trackAvailability(List<StoredRelease> watched, Map<String, Analysis> results) {
    List<Analysis> missing = results.values().stream().filter(a -> !a.snapshot().available()).toList();
    if (missing.isEmpty() || missing.size() < results.size()) {
      unavailableTicks.set(0);
      if (unavailableAlerted) {
        unavailableAlerted = false;
        notifier.metricsBack();
      }
      return;
    }
    if (unavailableTicks.incrementAndGet() >= config.analysis().unavailableTicks() && !unavailableAlerted) {
      unavailableAlerted = true;
      notifier.metricsUnavailable(missing.get(0).snapshot().unavailable(),
          watched.stream().map(StoredRelease::release).collect(Collectors.toList()));
    }
  }
}
