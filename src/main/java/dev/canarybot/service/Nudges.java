package dev.canarybot.service;

import dev.canarybot.analysis.Verdict;
import dev.canarybot.release.CanaryRelease;
import dev.canarybot.release.FreezeState;
import dev.canarybot.release.Nudge;
import dev.canarybot.release.Phase;
import dev.canarybot.release.TimeText;
import dev.canarybot.service.port.ConflictException;
import dev.canarybot.service.port.ReleaseNotifier;
import dev.canarybot.service.port.ReleaseStore;
import dev.canarybot.service.port.StoredRelease;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * After each analysis of a progressing release: the reminder when its gates have passed and
 * nobody acted, the report when its step sat past the deadline ({@link Nudge}). The decision is
 * stored before anything is said, so a lost race or a restart never says it twice.
 */
@ApplicationScoped
public class Nudges {
  private static final Logger LOG = Logger.getLogger(Nudges.class);

  private final ReleaseStore store;
  private final ReleaseNotifier notifier;
  private final Policies policies;
  private final Clock clock;

  public Nudges(ReleaseStore store, ReleaseNotifier notifier, Policies policies, Clock clock) {
    this.store = store;
    this.notifier = notifier;
    this.policies = policies;
    this.clock = clock;
  }

  /**
   * The freezes for one tick's reminders, read once for all releases; unknown (unreadable)
   * counts as frozen here, since a reminder is only for a promotion someone may make now.
   */
  FreezeState freezes() {
    try {
      return policies.store().read().state();
    } catch (RuntimeException e) {
      LOG.debugf("freezes unreadable, no reminders this tick: %s", e.getMessage());
      return null;
    }
  }

  /**
   * @param freezes as {@link #freezes()} read them this tick, or null when unknown
   * @return the reason to roll back (the deadline passed and the setting says so), or null
   */
  String after(StoredRelease stored, Verdict v, FreezeState freezes) {
    CanaryRelease r = stored.release();
    if (r.phase() != Phase.Progressing || r.status().stepStartedAt() == null || r.nextWeight() < 0) {
      return null;
    }
    Instant now = clock.instant();
    // A reminder is for a promotion someone may make now: inside a window, and not frozen.
    boolean open = freezes != null && freezes.covering(r.namespace()).isEmpty()
        && r.windowsOr(policies.windows()).isOpen(now);
    Nudge.Decision d = null;
    StoredRelease current = stored;
    for (int attempt = 0; attempt < 2 && d == null; attempt++) {
      CanaryRelease c = current.release();
      if (c.phase() != Phase.Progressing || !Objects.equals(c.status().stepStartedAt(), r.status().stepStartedAt())) {
        return null; // moved on since it was analyzed
      }
      Nudge.Decision decided = Nudge.decide(c.status().nudge(), c.status().stepStartedAt(), v.promotable(), open,
          now, policies.nudges());
      if (decided.next().equals(c.status().nudge())) {
        d = decided;
        break;
      }
      try {
        store.update(current, c.withNudge(decided.next()));
        d = decided;
      } catch (ConflictException e) {
        // The analysis stored its verdict meanwhile, most likely: decide again on what is stored.
        Optional<StoredRelease> fresh = store.find(c.namespace(), c.name());
        if (fresh.isEmpty()) {
          return null;
        }
        current = fresh.get();
      }
    }
    if (d == null) {
      LOG.debugf("reminder state of %s not stored this tick", r.name());
      return null;
    }
    if (d.remind()) {
      notifier.remind(r, "gates passed " + TimeText.duration(Duration.between(d.next().gatesPassSince(), now))
          + " ago and nobody has acted — promote " + r.name() + " to " + r.nextWeight() + " %?");
    }
    if (d.deadline()) {
      String why = String.join("; ", v.blockers());
      boolean rollback = policies.deadlineRollsBack();
      String text = r.name() + " has been at " + r.weight() + " % for " + TimeText.duration(r.timeAtStep(now))
          + ", past the step deadline of " + TimeText.duration(policies.nudges().deadline())
          + ", without passing its gates: " + (why.isEmpty() ? "no verdict yet" : why)
          + (rollback ? ". Rolling it back (canary.deadline-action=rollback)."
              : ". Fix what blocks it, promote with --force, or roll back.");
      notifier.deadline(r, text);
      return rollback ? "step deadline passed at " + r.weight() + " % without passing the gates" : null;
    }
    return null;
  }
}
