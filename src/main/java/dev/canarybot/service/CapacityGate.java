package dev.canarybot.service;

import dev.canarybot.release.CanaryRelease;
import dev.canarybot.release.CapacityPlan;
import dev.canarybot.release.CapacityState;
import dev.canarybot.release.CapacityStep;
import dev.canarybot.release.ReleaseTarget;
import dev.canarybot.release.ReplicaReading;
import dev.canarybot.release.RollbackCapacity;
import dev.canarybot.release.TimeText;
import dev.canarybot.service.port.Capacity;
import dev.canarybot.service.port.ConflictException;
import dev.canarybot.service.port.ReleaseEvents;
import dev.canarybot.service.port.ReleaseStore;
import dev.canarybot.service.port.RouteWeights;
import dev.canarybot.service.port.StoredRelease;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.jboss.logging.Logger;

/**
 * Carries out {@link CapacityPlan}: raises the canary before its weight grows, records the wait
 * in the status (so the scheduled resync, on the leader, finishes it and a restart continues it),
 * and gives the capacity back after a rollback. Never blocks a thread.
 */
final class CapacityGate {
  private static final Logger LOG = Logger.getLogger(CapacityGate.class);
  private static final int RECORD_ATTEMPTS = 10;

  private final Capacity capacity;
  private final ReleaseStore store;
  private final ReleaseEvents events;
  private final Clock clock;
  private final Duration timeout;
  private final RollbackCapacity rollback;

  CapacityGate(Capacity capacity, ReleaseStore store, ReleaseEvents events, Clock clock,
      Duration timeout, RollbackCapacity rollback) {
    this.capacity = capacity;
    this.store = store;
    this.events = events;
    this.clock = clock;
    this.timeout = timeout;
    this.rollback = rollback;
  }

  /**
   * What stands between the route and a higher weight.
   *
   * @param stored the release as stored now (its capacity state recorded)
   * @param hold a result to return instead of moving the weights, or {@code null} to move them
   * @param note a line for the thread once the weights moved, or empty
   * @param pauseReason why the release must pause instead, or {@code null}
   */
  record Gate(StoredRelease stored, Reconciler.Reconciled hold, String note, String pauseReason) {}

  Gate before(StoredRelease stored, int weight, RouteWeights route) {
    CanaryRelease r = stored.release();
    ReleaseTarget t = r.target();
    CapacityState s = r.status().capacity();
    ReplicaReading now;
    try {
      now = capacity.read(t.namespace(), t.canaryWorkload());
    } catch (RuntimeException e) {
      return hold(stored, "capacity of " + t.canaryWorkload() + " unreadable: " + e.getMessage()
          + "; the route stays at " + route.describe() + " and the resync tries again");
    }
    CapacityStep step = CapacityPlan.before(s, weight, now, clock.instant(), timeout);
    if (step instanceof CapacityStep.Ready ready) {
      String note = s.waitingSince() == null ? ""
          : "capacity ready: " + t.canaryWorkload() + " " + now.ready() + "/" + ready.replicas()
              + " replicas ready after " + TimeText.duration(Duration.between(s.waitingSince(), clock.instant()));
      return new Gate(record(stored, ready.state()), null, note, null);
    }
    if (step instanceof CapacityStep.Scale scale) {
      try {
        if (scale.viaAutoscaler()) {
          capacity.setAutoscalerMin(t.namespace(), now.autoscaler(), scale.replicas());
        } else {
          capacity.scale(t.namespace(), t.canaryWorkload(), scale.replicas());
        }
      } catch (RuntimeException e) {
        String message = "scaling " + t.canaryWorkload() + " to " + scale.replicas() + " failed: "
            + e.getMessage() + "; the route stays at " + route.describe() + " and the resync tries again";
        LOG.warn(message, e);
        events.warning(r, "ScaleFailed", message);
        return hold(stored, message);
      }
      return hold(record(stored, scale.state()), CapacityState.waitLine(t.canaryWorkload(), scale.state().target(), now.ready()));
    }
    if (step instanceof CapacityStep.Wait wait) {
      return hold(record(stored, wait.state()), CapacityState.waitLine(t.canaryWorkload(), wait.target(), wait.ready()));
    }
    CapacityStep.TimedOut out = (CapacityStep.TimedOut) step;
    String why;
    try {
      why = capacity.whyNotReady(t.namespace(), t.canaryWorkload());
    } catch (RuntimeException e) {
      why = "its pods are unreadable: " + e.getMessage();
    }
    String reason = t.canaryWorkload() + " did not reach " + out.target() + " ready replicas within "
        + TimeText.duration(timeout) + " (" + out.ready() + "/" + out.target() + " ready): " + why
        + "; the route stays at " + route.describe() + ". Fix the pods, then resume";
    events.warning(r, "CapacityTimeout", reason);
    // The wait ends with the pause: a resume waits afresh rather than timing out at once.
    return new Gate(record(stored, s.waitingFor(out.target(), null)), null, "", reason);
  }

  /** After a rollback's 100/0 is on the route: the canary back to its replicas at start. */
  Reconciler.Reconciled giveBack(Reconciler.Reconciled moved) {
    StoredRelease stored = moved.stored();
    CanaryRelease r = stored.release();
    CapacityState s = r.status().capacity();
    if (s == null || s.returned()) {
      return moved;
    }
    ReleaseTarget t = r.target();
    String detail = "";
    try {
      ReplicaReading now = capacity.read(t.namespace(), t.canaryWorkload());
      OptionalInt back = CapacityPlan.giveBack(s, now, rollback);
      if (back.isPresent()) {
        if (now.autoscaled()) {
          capacity.setAutoscalerMin(t.namespace(), now.autoscaler(), back.getAsInt());
          detail = "HorizontalPodAutoscaler " + now.autoscaler() + " back to minReplicas " + back.getAsInt();
        } else {
          capacity.scale(t.namespace(), t.canaryWorkload(), back.getAsInt());
          detail = t.canaryWorkload() + " back to " + back.getAsInt() + " replicas";
        }
      }
    } catch (RuntimeException e) {
      String message = "giving back the capacity of " + t.canaryWorkload() + " failed: " + e.getMessage()
          + "; the resync tries again";
      LOG.warn(message, e);
      events.warning(r, "ScaleFailed", message);
      return new Reconciler.Reconciled(stored, join(moved.outcome(), message), moved.made(), moved.route());
    }
    StoredRelease written = record(stored, s.givenBack());
    return new Reconciler.Reconciled(written, join(moved.outcome(), detail), moved.made(), moved.route(),
        detail);
  }

  /** Why the canary cannot carry everything alone yet, or empty when it can. */
  Optional<String> fullCapacityMissing(CanaryRelease r) {
    ReleaseTarget t = r.target();
    int full = CapacityPlan.replicasFor(r.status().capacity(), 100);
    try {
      ReplicaReading now = capacity.read(t.namespace(), t.canaryWorkload());
      if (now.current() && now.ready() >= full) {
        return Optional.empty();
      }
      return Optional.of(t.canaryWorkload() + " " + now.ready() + "/" + full + " replicas ready");
    } catch (RuntimeException e) {
      return Optional.of(t.canaryWorkload() + " unreadable: " + e.getMessage());
    }
  }

  private static Gate hold(StoredRelease stored, String outcome) {
    return new Gate(stored, new Reconciler.Reconciled(stored, outcome, List.of(),
        Reconciler.RouteState.WAITING), "", null);
  }

  private static String join(String a, String b) {
    return a.isEmpty() ? b : b.isEmpty() ? a : a + "; " + b;
  }

  /** Records the capacity state, re-read and retried: it is bookkeeping, not a transition. */
  private StoredRelease record(StoredRelease stored, CapacityState state) {
    StoredRelease current = stored;
    for (int attempt = 0; attempt < RECORD_ATTEMPTS; attempt++) {
      if (state.equals(current.release().status().capacity())) {
        return current;
      }
      try {
        return store.update(current, current.release().withCapacity(state));
      } catch (ConflictException e) {
        Optional<StoredRelease> fresh = store.find(current.release().namespace(), current.release().name());
        if (fresh.isEmpty()) {
          return current;
        }
        current = fresh.get();
      }
    }
    LOG.warnf("%s: capacity state could not be recorded after %d tries", stored.release().name(), RECORD_ATTEMPTS);
    return current;
  }
}
