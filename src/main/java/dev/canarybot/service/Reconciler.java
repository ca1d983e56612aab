package dev.canarybot.service;

import dev.canarybot.release.AddedRoute;
import dev.canarybot.release.CanaryRelease;
import dev.canarybot.release.CapacityMode;
import dev.canarybot.release.CapacityState;
import dev.canarybot.release.RollbackCapacity;
import dev.canarybot.release.CleanupMode;
import dev.canarybot.release.Command;
import dev.canarybot.release.Decision;
import dev.canarybot.release.HistoryEntry;
import dev.canarybot.release.Phase;
import dev.canarybot.release.ReleaseStateMachine;
import dev.canarybot.release.ReleaseTarget;
import dev.canarybot.release.TestersMatch;
import dev.canarybot.service.port.AddedRouteDriftException;
import dev.canarybot.service.port.Capacity;
import dev.canarybot.service.port.ConflictException;
import dev.canarybot.service.port.ReleaseEvents;
import dev.canarybot.service.port.ReleaseStore;
import dev.canarybot.service.port.RouteDriftException;
import dev.canarybot.service.port.RouteWeights;
import dev.canarybot.service.port.StoredRelease;
import dev.canarybot.service.port.TargetException;
import dev.canarybot.service.port.TargetResolver;
import dev.canarybot.service.port.TrafficRouter;
import dev.canarybot.service.port.Workloads;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
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
  private static final int RECORD_ATTEMPTS = 10;
  private static final Logger LOG = Logger.getLogger(Reconciler.class);

  private final TrafficRouter router;
  private final TargetResolver resolver;
  private final Workloads workloads;
  private final ReleaseStore store;
  private final ReleaseEvents events;
  private final Clock clock;
  private final CapacityGate capacity;

  /** A reconciler that never scales the canary (capacity off for every release). */
  public Reconciler(TrafficRouter router, TargetResolver resolver, Workloads workloads,
      ReleaseStore store, ReleaseEvents events, Clock clock) {
    this(router, resolver, workloads, store, events, clock, null, Duration.ofMinutes(10), RollbackCapacity.START);
  }

  @Inject
  public Reconciler(TrafficRouter router, TargetResolver resolver, Workloads workloads,
      ReleaseStore store, ReleaseEvents events, Clock clock, Capacity capacity, CanaryConfig config) {
    this(router, resolver, workloads, store, events, clock, capacity, config.capacityTimeout(),
        config.rollbackCapacity());
  }

  public Reconciler(TrafficRouter router, TargetResolver resolver, Workloads workloads,
      ReleaseStore store, ReleaseEvents events, Clock clock, Capacity capacity,
      Duration capacityTimeout, RollbackCapacity rollbackCapacity) {
    this.router = router;
    this.resolver = resolver;
    this.workloads = workloads;
    this.store = store;
    this.events = events;
    this.clock = clock;
    this.capacity = capacity == null ? null
        : new CapacityGate(capacity, store, events, clock, capacityTimeout, rollbackCapacity);
  }

  /**
   * The release as stored after reconciling, what happened (for people), and the history
   * entries the bot itself made on the way (drift, failure, retirement), which the caller
   * passes on to people after its own news.
   */
  public record Reconciled(StoredRelease stored, String outcome, List<HistoryEntry> made, RouteState route,
      String note) {
    public Reconciled {
      made = List.copyOf(made);
      note = note == null ? "" : note;
    }

    public Reconciled(StoredRelease stored, String outcome, List<HistoryEntry> made, RouteState route) {
      this(stored, outcome, made, route, "");
    }

    Reconciled(StoredRelease stored, String outcome) {
      this(stored, outcome, List.of(), RouteState.OK);
    }

    Reconciled(StoredRelease stored, String outcome, List<HistoryEntry> made) {
      this(stored, outcome, made, RouteState.OK);
    }
  }

  /** Whether the route carries what the release wants after this reconcile. */
  public enum RouteState {
    /** It does, or there was nothing to write. */
    OK,
    /** The write failed and the resync tries again: the route is still where it was. */
    FAILED,
    /** The route is not what the bot last left there; nothing was written. */
    DRIFTED,
    /** The route or its VirtualService is gone. */
    GONE,
    /** The canary is being scaled for the new weight; the route moves once it is ready. */
    WAITING
  }

  /**
   * @param reassert the bot takes the route back (a resume, a rollback): whatever weights it has
   *     now count as the bot's own before the release's weight is written
   */
  public Reconciled reconcile(StoredRelease stored, boolean reassert) {
    return reconcile(stored, reassert, -1);
  }

  /**
   * @param previousWeight the weight the release wanted before the transition just stored, or
   *     -1 on a resync. A route at it carries what the bot wanted a moment ago: the bot's own
   *     write whose record was lost (a crash, a lost race), or a person who set exactly that. It
   *     is moved on, never reported as drift.
   */
  public Reconciled reconcile(StoredRelease stored, boolean reassert, int previousWeight) {
    return testers(reconcileWeights(stored, reassert, previousWeight), reassert);
  }

  private Reconciled reconcileWeights(StoredRelease stored, boolean reassert, int previousWeight) {
    CanaryRelease r = stored.release();
    if (ReleaseStateMachine.awaitsRetirement(r)) {
      if (r.status().appliedWeight() != r.weight()) {
        // The old version leaves only once the canary carries everything: a cleanup decided
        // while the last move was still on its way finishes that move first.
        Reconciled moved = moveWeights(stored, reassert, previousWeight);
        if (moved.route() != RouteState.OK || moved.stored().release().status().appliedWeight() != r.weight()) {
          return moved;
        }
        return retire(moved.stored());
      }
      return retire(stored);
    }
    if (r.phase() == Phase.Paused || r.phase() == Phase.Failed) {
      return new Reconciled(stored, "");
    }
    if (r.phase() == Phase.RolledBack && capacity != null) {
      // 100/0 first, at once; only then the canary's capacity is given back.
      Reconciled moved = r.status().appliedWeight() != r.weight() || reassert
          ? moveWeights(stored, reassert, previousWeight) : new Reconciled(stored, "");
      if (moved.route() != RouteState.OK || moved.stored().release().status().appliedWeight() != 0) {
        return moved;
      }
      // The testers' route goes before the canary's pods may go, so testers never reach none.
      Reconciled cleared = testers(moved, reassert);
      return cleared.route() != RouteState.OK ? cleared : capacity.giveBack(cleared);
    }
    boolean pending = r.status().appliedWeight() != r.weight();
    if (!pending && !r.phase().isWatched() && !reassert) {
      // A finished release whose last write landed: the route belongs to people again.
      return new Reconciled(stored, "");
    }
    return moveWeights(stored, reassert, previousWeight);
  }

  private Reconciled moveWeights(StoredRelease stored, boolean reassert, int previousWeight) {
    CanaryRelease r = stored.release();
    ReleaseTarget t = r.target();
    try {
      RouteWeights actual = router.read(t);
      if (actual.canary() == r.weight()) {
        return recordApplied(stored, actual);
      }
      boolean own = reassert || actual.canary() == r.status().appliedWeight()
          || actual.canary() == previousWeight;
      if (!own) {
        return drifted(stored, actual);
      }
      String note = "";
      if (capacity != null && r.weight() > actual.canary() && r.capacity() == CapacityMode.MATCH_WEIGHT
          && r.status().capacity() != null) {
        CapacityGate.Gate gate = capacity.before(stored, r.weight(), actual);
        if (gate.pauseReason() != null) {
          // Nothing half-moved: the route keeps its weights and a person decides.
          return transition(gate.stored(), new Command.Pause(BOT, gate.pauseReason()), RouteState.WAITING);
        }
        if (gate.hold() != null) {
          return gate.hold();
        }
        stored = gate.stored();
        note = gate.note();
      }
      Reconciled moved = recordApplied(stored, router.setWeights(t, actual.canary(), r.weight()));
      return note.isEmpty() ? moved
          : new Reconciled(moved.stored(), moved.outcome(), moved.made(), moved.route(), note);
    } catch (RouteDriftException e) {
      return drifted(stored, e.found());
    } catch (TargetException e) {
      return targetGone(stored, e);
    } catch (RuntimeException e) {
      String message = t.describe() + " update to " + (100 - r.weight()) + "/" + r.weight()
          + " failed: " + e.getMessage() + "; the resync will try again";
      LOG.warn(message, e);
      events.warning(r, "WeightUpdateFailed", message);
      return new Reconciled(stored, "recorded, but " + message, List.of(), RouteState.FAILED);
    }
  }

  /**
   * Brings the testers' route to what the phase wants: the release's header while the release is
   * watched, none once it ended (rolled back, completed, cleaned up). A paused or failed release
   * keeps what is there, as its weights; a route not as the bot left it is drift.
   */
  private Reconciled testers(Reconciled weights, boolean reassert) {
    CanaryRelease r = weights.stored().release();
    if (weights.route() != RouteState.OK || r.phase() == Phase.Paused || r.phase() == Phase.Failed) {
      return weights;
    }
    TestersMatch desired = r.phase().isWatched() ? r.testers() : null;
    AddedRoute applied = r.status().addedRoute(r.testersRoute());
    if (desired == null && applied == null) {
      return weights; // nothing of the bot's there, nothing wanted: the VirtualService is not read
    }
    try {
      AddedRoute now = router.setTesters(r.target(), r.name(), desired, applied, reassert);
      if (Objects.equals(now, applied)) {
        return weights;
      }
      String what = now == null ? "testers' route " + r.testersRoute() + " removed"
          : "testers with " + desired.describe() + " reach " + r.target().canarySubset()
              + " by route " + now.name();
      StoredRelease recorded = recordAdded(weights.stored(), r.testersRoute(), now);
      return new Reconciled(recorded, join(weights.outcome(), what), weights.made(), weights.route(),
          weights.note());
    } catch (AddedRouteDriftException e) {
      if (!r.phase().isWatched()) {
        events.warning(r, "Drifted", e.getMessage() + "; " + r.name() + " is " + r.phase()
            + ", so nothing was overwritten");
        return new Reconciled(weights.stored(), e.getMessage(), weights.made(), RouteState.DRIFTED);
      }
      Reconciled paused = transition(weights.stored(),
          new Command.MarkDrifted(BOT, r.weight(), 100 - r.weight(), e.getMessage()), RouteState.DRIFTED);
      return withEarlier(weights, paused);
    } catch (TargetException e) {
      return withEarlier(weights, targetGone(weights.stored(), e));
    } catch (RuntimeException e) {
      String message = r.target().describe() + " testers' route update failed: " + e.getMessage()
          + "; the resync will try again";
      LOG.warn(message, e);
      events.warning(r, "TestersUpdateFailed", message);
      return new Reconciled(weights.stored(), join(weights.outcome(), "but " + message), weights.made(),
          RouteState.FAILED, weights.note());
    }
  }

  /** A later step's outcome, keeping what the weights' step made and said. */
  private static Reconciled withEarlier(Reconciled earlier, Reconciled later) {
    List<HistoryEntry> made = new ArrayList<>(earlier.made());
    made.addAll(later.made());
    return new Reconciled(later.stored(), join(earlier.outcome(), later.outcome()), made, later.route(),
        earlier.note());
  }

  private static String join(String first, String second) {
    return first.isEmpty() ? second : second.isEmpty() ? first : first + "; " + second;
  }

  /** Lists (or unlists) an added route, re-read and retried as the applied weight is. */
  private StoredRelease recordAdded(StoredRelease stored, String name, AddedRoute route) {
    StoredRelease current = stored;
    for (int attempt = 0; attempt < RECORD_ATTEMPTS; attempt++) {
      if (Objects.equals(current.release().status().addedRoute(name), route)) {
        return current;
      }
      try {
        CanaryRelease r = current.release();
        return store.update(current, r.withStatus(r.status().withAddedRoute(name, route)));
      } catch (ConflictException e) {
        Optional<StoredRelease> fresh = store.find(current.release().namespace(), current.release().name());
        if (fresh.isEmpty()) {
          return stored;
        }
        current = fresh.get();
      }
    }
    LOG.warnf("%s: the route %s could not be recorded after %d tries; the resync records it",
        stored.release().name(), name, RECORD_ATTEMPTS);
    return current;
  }

  /**
   * Records the weight now on the route as the bot's own. Re-read and retried until it lands:
   * a record lost to a racing write (a card, a verdict) would make the next move look like
   * someone else's edit.
   */
  private Reconciled recordApplied(StoredRelease stored, RouteWeights actual) {
    CanaryRelease r = stored.release();
    String outcome = r.target().describe() + " now " + actual.describe()
        + " (" + r.target().stableSubset() + "/" + r.target().canarySubset() + ")";
    StoredRelease current = stored;
    for (int attempt = 0; attempt < RECORD_ATTEMPTS; attempt++) {
      if (current.release().status().appliedWeight() == actual.canary()) {
        return new Reconciled(current, outcome);
      }
      try {
        return new Reconciled(store.update(current, current.release().withAppliedWeight(actual.canary())),
            outcome);
      } catch (ConflictException e) {
        Optional<StoredRelease> fresh = store.find(r.namespace(), r.name());
        if (fresh.isEmpty()) {
          return new Reconciled(stored, outcome);
        }
        current = fresh.get();
      }
    }
    LOG.warnf("%s: the applied weight %d could not be recorded after %d tries; the resync records it",
        r.name(), actual.canary(), RECORD_ATTEMPTS);
    return new Reconciled(current, outcome);
  }

  private Reconciled drifted(StoredRelease stored, RouteWeights found) {
    CanaryRelease r = stored.release();
    if (!r.phase().isWatched()) {
      String message = r.target().describe() + " is at " + found.describe() + ", not at "
          + (100 - r.status().appliedWeight()) + "/" + r.status().appliedWeight()
          + " as canary-bot left it; " + r.name() + " is " + r.phase() + ", so nothing was overwritten";
      events.warning(r, "Drifted", message);
      return new Reconciled(stored, message, List.of(), RouteState.DRIFTED);
    }
    return transition(stored, new Command.MarkDrifted(BOT, found.canary(), found.stable()), RouteState.DRIFTED);
  }

  private Reconciled targetGone(StoredRelease stored, TargetException e) {
    CanaryRelease r = stored.release();
    if (!r.phase().ownsRoute()) {
      events.warning(r, "TargetGone", e.getMessage());
      return new Reconciled(stored, e.getMessage(), List.of(), RouteState.GONE);
    }
    return transition(stored, new Command.Fail(BOT, e.getMessage()), RouteState.GONE);
  }

  /**
   * Stores the bot's own transition. A lost race against bookkeeping (the card attached, a
   * weight recorded) is decided again on the fresh object: otherwise a drift seen right after a
   * start (whose card is attached meanwhile) goes unrecorded until the next resync, and the
   * person who acted is told nothing paused. A race against another transition is left to the
   * next resync, which looks at what is there.
   */
  private Reconciled transition(StoredRelease stored, Command command, RouteState route) {
    StoredRelease current = stored;
    int seenTransitions = stored.release().status().transitions();
    for (int attempt = 0; attempt < RECORD_ATTEMPTS; attempt++) {
      Decision d = ReleaseStateMachine.decide(current.release(), command, clock.instant());
      if (d instanceof Decision.Refused refused) {
        return new Reconciled(current, refused.reason(), List.of(), route);
      }
      Decision.Accepted a = (Decision.Accepted) d;
      try {
        StoredRelease written = store.update(current, a.release());
        events.transitioned(a.release(), a.entry());
        return new Reconciled(written, a.entry().reason(), List.of(a.entry()), route);
      } catch (ConflictException e) {
        Optional<StoredRelease> fresh = store.find(current.release().namespace(), current.release().name());
        if (fresh.isEmpty() || fresh.get().release().status().transitions() != seenTransitions) {
          break;
        }
        current = fresh.get();
      }
    }
    return new Reconciled(current, "not recorded: " + stored.release().name()
        + " changed meanwhile; the next resync looks again", List.of(), route);
  }

  private Reconciled retire(StoredRelease stored) {
    CanaryRelease r = stored.release();
    ReleaseTarget t = r.target();
    if (capacity != null && r.capacity() == CapacityMode.MATCH_WEIGHT && r.status().capacity() != null) {
      Optional<String> missing = capacity.fullCapacityMissing(r);
      if (missing.isPresent()) {
        // The old version is the fallback until the canary can carry everything on its own.
        return new Reconciled(stored, "cleanup waits: " + missing.get());
      }
    }
    Optional<String> mismatch = resolver.workloadMismatch(t);
    if (mismatch.isPresent()) {
      // A CanaryRelease is anyone's to edit in its namespace: it never retires a Deployment its
      // subset does not run.
      return transition(stored, new Command.Fail(BOT, mismatch.get() + "; nothing was retired"), RouteState.OK);
    }
    String detail;
    try {
      if (r.status().cleanupMode() == CleanupMode.DELETE) {
        // The Deployment first: when the delete is refused, the route stays as it was.
        workloads.delete(t.namespace(), t.stableWorkload());
        router.dropStable(t);
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
