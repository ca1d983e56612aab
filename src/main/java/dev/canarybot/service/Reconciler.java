package dev.canarybot.service;

import dev.canarybot.release.CanaryRelease;
import dev.canarybot.release.CleanupMode;
import dev.canarybot.release.Command;
import dev.canarybot.release.Decision;
import dev.canarybot.release.HistoryEntry;
import dev.canarybot.release.Phase;
import dev.canarybot.release.ReleaseStateMachine;
import dev.canarybot.release.ReleaseTarget;
import dev.canarybot.service.port.ConflictException;
import dev.canarybot.service.port.ReleaseEvents;
import dev.canarybot.service.port.ReleaseStore;
import dev.canarybot.service.port.RouteDriftException;
import dev.canarybot.service.port.RouteWeights;
import dev.canarybot.service.port.StoredRelease;
import dev.canarybot.service.port.TargetException;
import dev.canarybot.service.port.TrafficRouter;
import dev.canarybot.service.port.Workloads;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Drives the cluster to what a stored release wants. The route's canary weight is compared
 * with the weight the release wants and the weight the bot last applied: at the wanted one
 * there is nothing to do; at the last applied one the bot writes; at neither, a person (or
 * another tool) changed it, so the release is paused and nothing is overwritten.
 */
@ApplicationScoped
public class Reconciler {
  static final String BOT = "canary-bot";
  private static final Logger LOG = Logger.getLogger(Reconciler.class);

  private final TrafficRouter router;
  private final Workloads workloads;
  private final ReleaseStore store;
  private final ReleaseEvents events;
  private final Clock clock;

  public Reconciler(TrafficRouter router, Workloads workloads, ReleaseStore store,
      ReleaseEvents events, Clock clock) {
    this.router = router;
    this.workloads = workloads;
    this.store = store;
    this.events = events;
    this.clock = clock;
  }

  /**
   * The release as stored after reconciling, what happened (for people), and the history
   * entries the bot itself made on the way (drift, failure, retirement), which the caller
   * passes on to people after its own news.
   */
  public record Reconciled(StoredRelease stored, String outcome, List<HistoryEntry> made) {
    public Reconciled {
      made = List.copyOf(made);
    }

    Reconciled(StoredRelease stored, String outcome) {
      this(stored, outcome, List.of());
    }
  }

  /**
   * @param reassert the bot takes the route back (a resume): whatever weights it has now
   *     count as the bot's own before the release's weight is written
   */
  public Reconciled reconcile(StoredRelease stored, boolean reassert) {
    CanaryRelease r = stored.release();
    if (ReleaseStateMachine.awaitsRetirement(r)) {
      return retire(stored);
    }
    if (r.phase() == Phase.Paused || r.phase() == Phase.Failed) {
      return new Reconciled(stored, "");
    }
    boolean pending = r.status().appliedWeight() != r.weight();
    if (!pending && !r.phase().isWatched() && !reassert) {
      // A finished release whose last write landed: the route belongs to people again.
      return new Reconciled(stored, "");
    }
    ReleaseTarget t = r.target();
    try {
      RouteWeights actual = router.read(t);
      if (actual.canary() == r.weight()) {
        return recordApplied(stored, actual);
      }
      int expected = reassert ? actual.canary() : r.status().appliedWeight();
      if (actual.canary() != expected) {
        return drifted(stored, actual);
      }
      return recordApplied(stored, router.setWeights(t, expected, r.weight()));
    } catch (RouteDriftException e) {
      return drifted(stored, e.found());
    } catch (TargetException e) {
      return targetGone(stored, e);
    } catch (RuntimeException e) {
      String message = t.describe() + " update to " + (100 - r.weight()) + "/" + r.weight()
          + " failed: " + e.getMessage() + "; the resync will try again";
      LOG.warn(message, e);
      events.warning(r, "WeightUpdateFailed", message);
      return new Reconciled(stored, "recorded, but " + message);
    }
  }

  private Reconciled recordApplied(StoredRelease stored, RouteWeights actual) {
    CanaryRelease r = stored.release();
    String outcome = r.target().describe() + " now " + actual.describe()
        + " (" + r.target().stableSubset() + "/" + r.target().canarySubset() + ")";
    if (r.status().appliedWeight() == actual.canary()) {
      return new Reconciled(stored, outcome);
    }
    try {
      return new Reconciled(store.update(stored, r.withAppliedWeight(actual.canary())), outcome);
    } catch (ConflictException e) {
      // Someone transitioned the release meanwhile; their reconcile (or the resync) records it.
      return new Reconciled(stored, outcome);
    }
  }

  private Reconciled drifted(StoredRelease stored, RouteWeights found) {
    CanaryRelease r = stored.release();
    if (!r.phase().isWatched()) {
      String message = r.target().describe() + " is at " + found.describe() + ", not at "
          + (100 - r.status().appliedWeight()) + "/" + r.status().appliedWeight()
          + " as canary-bot left it; " + r.name() + " is " + r.phase() + ", so nothing was overwritten";
      events.warning(r, "Drifted", message);
      return new Reconciled(stored, message);
    }
    return transition(stored, new Command.MarkDrifted(BOT, found.canary(), found.stable()));
  }

  private Reconciled targetGone(StoredRelease stored, TargetException e) {
    CanaryRelease r = stored.release();
    if (!r.phase().ownsRoute()) {
      events.warning(r, "TargetGone", e.getMessage());
      return new Reconciled(stored, e.getMessage());
    }
    return transition(stored, new Command.Fail(BOT, e.getMessage()));
  }

  private Reconciled transition(StoredRelease stored, Command command) {
    Decision d = ReleaseStateMachine.decide(stored.release(), command, clock.instant());
    if (d instanceof Decision.Refused refused) {
      return new Reconciled(stored, refused.reason());
    }
    Decision.Accepted a = (Decision.Accepted) d;
    try {
      StoredRelease written = store.update(stored, a.release());
      events.transitioned(a.release(), a.entry());
      return new Reconciled(written, a.entry().reason(), List.of(a.entry()));
    } catch (ConflictException e) {
      return new Reconciled(stored, "not recorded: " + stored.release().name()
          + " changed meanwhile; the next resync looks again");
    }
  }

  private Reconciled retire(StoredRelease stored) {
    CanaryRelease r = stored.release();
    ReleaseTarget t = r.target();
    String detail;
    try {
      if (r.status().cleanupMode() == CleanupMode.DELETE) {
        router.dropStable(t);
        workloads.delete(t.namespace(), t.stableWorkload());
        detail = "Deployment " + t.stableWorkload() + " deleted and subset " + t.stableSubset()
            + " dropped from the route";
      } else {
        workloads.scaleToZero(t.namespace(), t.stableWorkload());
        detail = "Deployment " + t.stableWorkload() + " scaled to 0; its route entry stays at weight 0";
      }
    } catch (RuntimeException e) {
      String message = "retiring " + t.stableWorkload() + " failed: " + e.getMessage()
          + "; the resync will try again";
      LOG.warn(message, e);
      events.warning(r, "CleanupFailed", message);
      return new Reconciled(stored, message);
    }
    CanaryRelease done = ReleaseStateMachine.retired(r, BOT, clock.instant(), detail);
    try {
      StoredRelease written = store.update(stored, done);
      events.transitioned(done, done.status().last());
      return new Reconciled(written, detail, List.of(done.status().last()));
    } catch (ConflictException e) {
      return new Reconciled(stored, detail);
    }
  }
}
