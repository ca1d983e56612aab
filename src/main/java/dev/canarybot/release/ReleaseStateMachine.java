package dev.canarybot.release;

import dev.canarybot.release.Command.Cleanup;
import dev.canarybot.release.Command.Complete;
import dev.canarybot.release.Command.Fail;
import dev.canarybot.release.Command.MarkDrifted;
import dev.canarybot.release.Command.Pause;
import dev.canarybot.release.Command.Promote;
import dev.canarybot.release.Command.Resume;
import dev.canarybot.release.Command.Rollback;
import dev.canarybot.release.Command.Start;
import dev.canarybot.release.Command.Testers;
import dev.canarybot.release.Decision.Accepted;
import dev.canarybot.release.Decision.Refused;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The rules of a release: (current release or none, command, now) -> a transition with its
 * effects, or a refusal that says why. Pure; the caller stores the result with a
 * compare-and-swap and then carries out the effects.
 */
public final class ReleaseStateMachine {

  private ReleaseStateMachine() {}

  public static Decision decide(CanaryRelease current, Command command, Instant now) {
    if (command instanceof Start start) {
      return start(current, start, now);
    }
    if (current == null) {
      return new Refused("cannot " + command.action().word() + ": there is no such canary release");
    }
    if (command instanceof Promote c) {
      return promote(current, c, now);
    }
    if (command instanceof Rollback c) {
      return rollback(current, c, now);
    }
    if (command instanceof Pause c) {
      return pause(current, c, now);
    }
    if (command instanceof Resume c) {
      return resume(current, c, now);
    }
    if (command instanceof MarkDrifted c) {
      return drift(current, c, now);
    }
    if (command instanceof Complete c) {
      return complete(current, c, now);
    }
    if (command instanceof Cleanup c) {
      return cleanup(current, c, now);
    }
    if (command instanceof Testers c) {
      return testers(current, c, now);
    }
    return fail(current, (Fail) command, now);
  }

  private static Decision start(CanaryRelease current, Start c, Instant now) {
    if (current != null && current.phase().ownsRoute()) {
      return new Refused("cannot start: canary " + current.describe() + " is already running on "
          + current.target().describe() + "; " + startedBy(current)
          + ". Promote, roll back or clean it up first.");
    }
    // A release started again on its old name keeps its history: the object tells its whole story.
    ReleaseStatus fresh = new ReleaseStatus(
        Phase.Progressing, 0, c.plan().weightAt(0), now, c.observedWeight(), false, null, null,
        current == null ? List.of() : current.status().history(),
        current == null ? 0 : current.status().olderEntries(), null,
        c.capacity() == CapacityMode.OFF ? null : c.capacityAtStart(),
        // Routes an earlier release left listed stay listed until the bot removed them.
        current == null ? List.of() : current.status().addedRoutes());
    HistoryEntry entry = new HistoryEntry(now, c.actor(), c.action(),
        current == null ? null : current.phase(), Phase.Progressing,
        current == null ? -1 : current.weight(), fresh.weight(),
        "canary " + c.target().canarySubset() + " at " + fresh.weight() + " %, plan " + c.plan().describe());
    CanaryRelease started = new CanaryRelease(c.name(), c.target(), c.plan(), c.autoRollback(),
        fresh.append(entry), c.thresholds(), c.checks(), c.capacity());
    return new Accepted(started, entry, List.of(new Effect.SetWeights(fresh.weight())));
  }

  private static Decision promote(CanaryRelease r, Promote c, Instant now) {
    switch (r.phase()) {
      case Progressing -> { }
      case Paused -> {
        return new Refused("cannot promote: " + r.name() + " is " + pausedBy(r) + "; resume it first");
      }
      case Promoted, Completed -> {
        return new Refused("cannot promote: " + r.name() + " is already at 100 % — " + lastMove(r));
      }
      case RolledBack -> {
        return new Refused("cannot promote: canary was " + lastMove(r));
      }
      case CleanedUp -> {
        return new Refused("cannot promote: " + r.name() + " is finished, " + lastMove(r));
      }
      case Failed -> {
        return new Refused("cannot promote: " + r.name() + " failed (" + r.status().last().reason()
            + "); only rollback is offered");
      }
    }
    if (c.expectedWeight() >= 0 && c.expectedWeight() != r.weight()) {
      return new Refused(alreadyMoved(r));
    }
    int toIndex;
    if (c.toWeight() <= 0) {
      toIndex = r.status().stepIndex() + 1;
    } else {
      toIndex = r.plan().indexOf(c.toWeight());
      if (toIndex <= r.status().stepIndex()) {
        return new Refused("cannot promote to " + c.toWeight() + " %: it is not a later step of the plan "
            + r.plan().describe() + " (now at " + r.weight() + " %)");
      }
    }
    int to = r.plan().weightAt(toIndex);
    HistoryEntry start = r.status().lastOf(Action.START);
    if (c.secondApprover() && to == 100 && (start == null || start.actor().equals(c.actor()))) {
      return new Refused(start == null
          ? "cannot promote " + r.name() + " to 100 %: who started it is no longer in its history, so "
              + "the four-eyes rule (setting CANARY_SECOND_APPROVER) cannot be checked; start it again to "
              + "record who starts it"
          : c.actor() + " started " + r.name() + "; another approver must take it to 100 % "
              + "(setting CANARY_SECOND_APPROVER)");
    }
    Phase phase = to == 100 ? Phase.Promoted : Phase.Progressing;
    String reason = blankToDefault(c.reason(), toIndex == r.status().stepIndex() + 1
        ? "next step of the plan " + r.plan().describe() : "skipped ahead in the plan " + r.plan().describe());
    return transition(r, c, now, phase, toIndex, to, now, false, reason,
        List.of(new Effect.SetWeights(to)));
  }

  private static Decision rollback(CanaryRelease r, Rollback c, Instant now) {
    switch (r.phase()) {
      case RolledBack -> {
        return new Refused("nothing to roll back: canary was already " + lastMove(r));
      }
      case CleanedUp -> {
        return new Refused("cannot roll back: " + r.target().stableWorkload() + " was "
            + lastMove(r) + "; start a new release to change versions");
      }
      default -> { }
    }
    if (c.expectedWeight() >= 0 && c.expectedWeight() != r.weight()) {
      return new Refused("not rolled back: " + r.name() + " is at " + r.weight() + " % now, not "
          + c.expectedWeight() + " % as you saw it — " + lastMove(r)
          + "; roll back from the current card if you still want to");
    }
    String reason = blankToDefault(c.reason(), "rolled back by request");
    // A rollback takes the route back from anyone: 100/0 is the safe state, and asking for it
    // is the one change the bot makes over a person's edit.
    return transition(r, c, now, Phase.RolledBack, r.status().stepIndex(), 0,
        r.status().stepStartedAt(), false, reason, List.of(new Effect.ReassertWeights(0)));
  }

  private static Decision pause(CanaryRelease r, Pause c, Instant now) {
    if (r.phase() == Phase.Paused) {
      return new Refused("already paused: " + r.name() + " was " + pausedBy(r));
    }
    if (!r.phase().isWatched()) {
      return new Refused("cannot pause: " + r.name() + " is " + r.phase() + " — " + lastMove(r));
    }
    return transition(r, c, now, Phase.Paused, r.status().stepIndex(), r.weight(),
        r.status().stepStartedAt(), false, blankToDefault(c.reason(), "paused by request"), List.of());
  }

  private static Decision resume(CanaryRelease r, Resume c, Instant now) {
    if (r.phase() != Phase.Paused) {
      return new Refused("cannot resume: " + r.name() + " is not paused (" + r.phase() + ")");
    }
    Phase phase = r.weight() == 100 ? Phase.Promoted : Phase.Progressing;
    // Observation restarts: what was seen while the bot was not in charge does not count.
    String reason = r.status().drifted()
        ? "resumed; the route goes back to " + (100 - r.weight()) + "/" + r.weight()
        : "resumed";
    return transition(r, c, now, phase, r.status().stepIndex(), r.weight(), now, false, reason,
        List.of(new Effect.ReassertWeights(r.weight())));
  }

  private static Decision drift(CanaryRelease r, MarkDrifted c, Instant now) {
    if (!r.phase().isWatched()) {
      return new Refused("drift not acted on: " + r.name() + " is " + r.phase());
    }
    String reason = (c.detail() != null ? c.detail()
        : "weights changed outside canary-bot: expected " + (100 - r.weight()) + "/"
            + r.weight() + ", found " + c.foundStableWeight() + "/" + c.foundCanaryWeight())
        + "; paused, nothing overwritten";
    return transition(r, c, now, Phase.Paused, r.status().stepIndex(), r.weight(),
        r.status().stepStartedAt(), true, reason, List.of());
  }

  private static Decision complete(CanaryRelease r, Complete c, Instant now) {
    if (r.phase() != Phase.Promoted) {
      return new Refused("cannot complete: " + r.name() + " is " + r.phase()
          + (r.phase() == Phase.Progressing ? " at " + r.weight() + " %; it completes at 100 %" : ""));
    }
    return transition(r, c, now, Phase.Completed, r.status().stepIndex(), r.weight(),
        r.status().stepStartedAt(), false, "completed at 100 %; " + r.target().stableWorkload()
            + " kept running", List.of());
  }

  private static Decision cleanup(CanaryRelease r, Cleanup c, Instant now) {
    if (r.phase() == Phase.CleanedUp) {
      return new Refused("already " + lastMove(r));
    }
    if (r.phase() != Phase.Promoted && r.phase() != Phase.Completed) {
      return new Refused("cannot clean up: " + r.name() + " is " + r.phase() + " at " + r.weight()
          + " %; the old version is retired only after the canary has 100 %");
    }
    Duration waited = r.timeAtStep(now);
    Duration needed = r.plan().cleanupAfter();
    if (!c.force() && waited.compareTo(needed) < 0) {
      return new Refused("cannot clean up yet: " + r.name() + " has been at 100 % for "
          + TimeText.duration(waited) + " of the required " + TimeText.duration(needed) + " ("
          + TimeText.duration(needed.minus(waited)) + " to go)");
    }
    String how = c.mode() == CleanupMode.DELETE ? "deleted" : "scaled to 0";
    return transition(r, c, now, Phase.CleanedUp, r.status().stepIndex(), 100,
        r.status().stepStartedAt(), false, r.target().stableWorkload() + " " + how
            + (c.force() && waited.compareTo(needed) < 0 ? " (before the " + TimeText.duration(needed)
                + " wait was over, by override)" : ""),
        List.of(new Effect.RetireStable(r.target().stableWorkload(), c.mode())));
  }

  /**
   * Testers change only while the release owns its route: afterwards the bot removes its
   * routes, and a new start takes {@code --testers}.
   */
  private static Decision testers(CanaryRelease r, Testers c, Instant now) {
    String usage = "`/canary testers " + r.name() + " add x-canary=always` | `remove`";
    if (!r.phase().ownsRoute()) {
      return new Refused("cannot change the testers of " + r.name() + ": it is " + r.phase() + " — "
          + lastMove(r) + "; start a new release with `--testers`");
    }
    if (c.match() == null && r.testers() == null) {
      return new Refused("no testers to remove: " + r.name() + " has no testers' route; add one with " + usage);
    }
    if (c.match() != null && c.match().equals(r.testers())) {
      return new Refused("already: testers of " + r.name() + " reach " + r.target().canarySubset()
          + " with " + c.match().describe());
    }
    String reason = c.match() == null
        ? "testers' route removed" + (r.testers() == null ? "" : " (was " + r.testers().describe() + ")")
        : "testers with " + c.match().describe() + " reach " + r.target().canarySubset() + " at any weight"
            + (r.testers() == null ? "" : " (was " + r.testers().describe() + ")");
    ReleaseStatus s = r.status();
    HistoryEntry entry = new HistoryEntry(now, c.actor(), c.action(), s.phase(), s.phase(),
        s.weight(), s.weight(), reason);
    return new Accepted(r.withTesters(c.match()).withStatus(s.append(entry)), entry, List.of());
  }

  private static Decision fail(CanaryRelease r, Fail c, Instant now) {
    // A cleanup not yet carried out can still fail: the bot refuses to retire what it was given.
    if (!r.phase().ownsRoute() && !awaitsRetirement(r)) {
      return new Refused("not marked failed: " + r.name() + " is already " + r.phase());
    }
    return transition(r, c, now, Phase.Failed, r.status().stepIndex(), r.weight(),
        r.status().stepStartedAt(), false, blankToDefault(c.reason(), "failed"), List.of());
  }

  /**
   * Records that the old version is really gone after a cleanup: the history says so, and a
   * resync knows not to retire it again (a person may scale it back up on purpose).
   */
  public static CanaryRelease retired(CanaryRelease r, String actor, Instant now, String detail) {
    if (r.phase() != Phase.CleanedUp) {
      throw new IllegalStateException(r.name() + " is " + r.phase() + ", not CleanedUp");
    }
    HistoryEntry entry = new HistoryEntry(now, actor, Action.RETIRED, Phase.CleanedUp, Phase.CleanedUp,
        r.weight(), r.weight(), detail);
    return r.withStatus(r.status().append(entry));
  }

  /** True after a cleanup was decided but before the old version was seen retired. */
  public static boolean awaitsRetirement(CanaryRelease r) {
    HistoryEntry last = r.status().last();
    return r.phase() == Phase.CleanedUp && last != null && last.action() == Action.CLEANUP;
  }

  private static Accepted transition(CanaryRelease r, Command c, Instant now, Phase phase,
      int stepIndex, int weight, Instant stepStartedAt, boolean drifted, String reason,
      List<Effect> effects) {
    ReleaseStatus s = r.status();
    HistoryEntry entry = new HistoryEntry(now, c.actor(), c.action(), s.phase(), phase,
        s.weight(), weight, reason);
    CleanupMode mode = effects.stream().filter(e -> e instanceof Effect.RetireStable)
        .map(e -> ((Effect.RetireStable) e).mode()).findFirst().orElse(s.cleanupMode());
    ReleaseStatus next = s.toBuilder().phase(phase).stepIndex(stepIndex).weight(weight)
        .stepStartedAt(stepStartedAt).drifted(drifted).cleanupMode(mode).build().append(entry);
    return new Accepted(r.withStatus(next), entry, effects);
  }

  /** "already at 50 % — promoted by @alice at 10:02 UTC". */
  private static String alreadyMoved(CanaryRelease r) {
    return "already at " + r.weight() + " % — " + lastMove(r);
  }

  /** The newest transition a person would call a move ("retired" only confirms a cleanup). */
  private static String lastMove(CanaryRelease r) {
    List<HistoryEntry> history = r.status().history();
    for (int i = history.size() - 1; i >= 0; i--) {
      if (history.get(i).action().isMove()) {
        return history.get(i).describe();
      }
    }
    return r.phase().toString();
  }

  private static String pausedBy(CanaryRelease r) {
    HistoryEntry last = r.status().lastOf(Action.PAUSE, Action.DRIFT);
    if (last == null) {
      return "paused";
    }
    return last.describe() + " (" + last.reason() + ")";
  }

  private static String startedBy(CanaryRelease r) {
    HistoryEntry start = r.status().lastOf(Action.START);
    return start == null ? "started earlier" : start.describe();
  }

  private static String blankToDefault(String text, String fallback) {
    return text == null || text.isBlank() ? fallback : text.strip();
  }
}
