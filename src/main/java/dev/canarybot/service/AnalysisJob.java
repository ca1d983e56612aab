package dev.canarybot.service;

import dev.canarybot.analysis.AlertPage;
import dev.canarybot.analysis.Episode;
import dev.canarybot.analysis.Verdict;
import dev.canarybot.analysis.VerdictKinds;
import dev.canarybot.analysis.VerdictText;
import dev.canarybot.release.CanaryRelease;
import dev.canarybot.release.CardRef;
import dev.canarybot.release.FreezeState;
import dev.canarybot.release.LastVerdict;
import dev.canarybot.service.port.Analysis;
import dev.canarybot.service.port.AutoRollback;
import dev.canarybot.service.port.ConflictException;
import dev.canarybot.service.port.Leadership;
import dev.canarybot.service.port.MetricsSource;
import dev.canarybot.service.port.ReleaseNotifier;
import dev.canarybot.service.port.ReleaseStore;
import dev.canarybot.service.port.StoredRelease;
import dev.canarybot.service.port.TrafficRouter;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Every analysis interval, on the leader: one batch of metrics for all watched canaries, a
 * verdict each, one page per alert episode ({@link AlertPage}), and an automatic rollback on a
 * breach when the release allows it. The episode's kind and page are kept in the release's
 * status, so a new leader neither alerts again nor loses the page it must edit.
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
  private final TrafficRouter router;
  private final AtomicInteger unavailableTicks = new AtomicInteger();
  /** Releases whose alert is on its way: a tick meanwhile must not send a second one. */
  private final Set<String> alerting = ConcurrentHashMap.newKeySet();
  /** Releases whose failed automatic rollback was told, until the episode ends. */
  private final Set<String> failedRollbacks = ConcurrentHashMap.newKeySet();
  private final Map<String, Told> told = new ConcurrentHashMap<>();
  private volatile boolean unavailableAlerted;
  private final Nudges nudges;

  @Inject
  public AnalysisJob(ReleaseStore store, ReleaseAnalyzer analyzer, ReleaseService releases,
      ReleaseNotifier notifier, LatestAnalysis latest, Leadership leadership, TrafficRouter router,
      CanaryConfig config, Clock clock, Nudges nudges) {
    this.nudges = nudges;
    this.store = store;
    this.analyzer = analyzer;
    this.releases = releases;
    this.notifier = notifier;
    this.latest = latest;
    this.leadership = leadership;
    this.router = router;
    this.config = config;
    this.clock = clock;
  }

  @Scheduled(identity = "analysis", every = "${canary.analysis.interval}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void scheduled() {
    LeaderOnly.run(leadership, LOG, "analysis tick", this::tick);
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
    FreezeState freezes = nudges.freezes();
    for (StoredRelease stored : watched) {
      Analysis a = results.get(MetricsSource.key(stored.release()));
      try {
        act(stored, a);
        String rollback = nudges.after(stored, a.verdict(), freezes);
        if (rollback != null) {
          releases.rollback(stored.release().namespace(), stored.release().name(), BOT, rollback,
              stored.release().weight());
        }
      } catch (RuntimeException e) {
        LOG.warnf(e, "analysis of %s failed", stored.release().name());
      }
    }
  }

  private void act(StoredRelease stored, Analysis a) {
    CanaryRelease r = stored.release();
    String key = MetricsSource.key(r);
    latest.put(r, a);
    Verdict v = a.verdict();
    LastVerdict before = remembered(r, told.get(key));
    Verdict.Kind previous = before == null ? null : VerdictKinds.analysed(before.kind());
    CardRef page = before == null ? null : before.page();
    Episode.Signal signal = Episode.next(previous, v.kind());
    AutoRollback rollback = AutoRollback.NOT_TRIED;
    // The alert redraws the card: after a rollback it must show the release as now stored, not
    // as analyzed, or the card goes back to "Progressing" with a Promote button.
    CanaryRelease now = r;
    if (v.kind() == Verdict.Kind.Breach && r.autoRollback()) {
      // The most severe findings come first; the rest (notes) stay in the alert.
      ActionResult result = releases.rollback(r.namespace(), r.name(), BOT, "automatic rollback: "
          + String.join("; ", v.reasons().subList(0, Math.min(2, v.reasons().size()))), r.weight());
      if (result instanceof ActionResult.Done done && done.routed()) {
        rollback = AutoRollback.DONE;
        now = done.release();
      } else {
        String why = result instanceof ActionResult.Done done ? done.outcome() : ((ActionResult.Refused) result).reason();
        rollback = AutoRollback.failed(why, router.byHand(r.target(), 0));
        if (result instanceof ActionResult.Done done) {
          now = done.release();
        }
      }
    }
    boolean opens = signal == Episode.Signal.OPENED || signal == Episode.Signal.WORSENED;
    // A rollback that failed needs a person now, whatever the episode said before: loud, once.
    boolean failedUnsaid = rollback.outcome() == AutoRollback.Outcome.FAILED && !failedRollbacks.contains(key);
    if ((opens || failedUnsaid) && alerting.add(key)) {
      if (failedUnsaid) {
        failedRollbacks.add(key);
      }
      boolean personMustAct = v.kind() == Verdict.Kind.Breach && rollback.outcome() != AutoRollback.Outcome.DONE;
      AlertPage plan = AlertPage.plan(signal, page, personMustAct);
      notifier.alert(now, a, rollback, plan).whenComplete((delivery, error) -> {
        alerting.remove(key);
        if (delivery != null && delivery.delivered()) {
          remember(r, v, delivery.page());
        } else {
          // Not delivered: the next tick finds the episode still unsaid and alerts again.
          failedRollbacks.remove(key);
          LOG.warnf("alert about %s was not delivered; the next analysis sends it again", r.name());
        }
      });
      return;
    }
    if (signal == Episode.Signal.RECOVERED) {
      failedRollbacks.remove(key);
      notifier.recovered(r, a, before);
      // The episode is over: its page is told, the next one gets a page of its own.
      remember(r, v, null);
      return;
    }
    if (signal != Episode.Signal.HOLD && !opens && v.kind() != previous) {
      remember(r, v, page);
    }
  }

  /**
   * Stores the new episode kind and page; a lost race is harmless, the next tick tries again.
   * This replica also keeps it in memory, because a tick that listed the releases before the
   * write landed would otherwise read the old kind and alert again.
   */
  private void remember(CanaryRelease analyzed, Verdict v, CardRef page) {
    LastVerdict next = new LastVerdict(VerdictKinds.stored(v.kind()), VerdictText.plain(v), clock.instant(), page);
    told.put(MetricsSource.key(analyzed), new Told(analyzed.status().lastVerdict(), next));
    store.find(analyzed.namespace(), analyzed.name()).ifPresent(now -> {
      try {
        store.update(now, now.release().withLastVerdict(next));
      } catch (ConflictException e) {
        LOG.debugf("verdict of %s not stored this tick: %s", analyzed.name(), e.getMessage());
      }
    });
  }

  /** What this replica remembered over which stored verdict. */
  private record Told(LastVerdict over, LastVerdict remembered) {}

  /**
   * The episode as last remembered: this replica's own, while the release still shows the
   * verdict it replaced (a read older than the write); otherwise what the release stores, which
   * is what a new leader knows.
   */
  private static LastVerdict remembered(CanaryRelease r, Told told) {
    if (told != null && Objects.equals(told.over(), r.status().lastVerdict())) {
      return told.remembered();
    }
    return r.status().lastVerdict();
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
