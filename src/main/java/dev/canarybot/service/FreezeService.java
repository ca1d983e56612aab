package dev.canarybot.service;

import dev.canarybot.release.CanaryRelease;
import dev.canarybot.release.Freeze;
import dev.canarybot.release.FreezeState;
import dev.canarybot.service.port.ConflictException;
import dev.canarybot.service.port.FreezeStore;
import dev.canarybot.service.port.ReleaseNotifier;
import dev.canarybot.service.port.ReleaseStore;
import dev.canarybot.service.port.StoredRelease;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Stops the line and starts it again. The freeze is stored first (a compare-and-swap), so from
 * that moment every replica refuses starts and promotions; then every watched release in its
 * scope is paused, each on its own so one bad release never keeps the others running.
 */
@ApplicationScoped
public class FreezeService {
  private static final Logger LOG = Logger.getLogger(FreezeService.class);
  private static final int ATTEMPTS = 5;

  private final FreezeStore freezes;
  private final ReleaseStore store;
  private final ReleaseService releases;
  private final ReleaseNotifier notifier;
  private final Clock clock;

  public FreezeService(Policies policies, ReleaseStore store, ReleaseService releases,
      ReleaseNotifier notifier, Clock clock) {
    this.freezes = policies.store();
    this.store = store;
    this.releases = releases;
    this.notifier = notifier;
    this.clock = clock;
  }

  /** What a freeze or unfreeze did: the releases it paused or resumed, or why it did nothing. */
  public record Outcome(String refusal, Freeze freeze, List<String> changed, List<String> failed) {
    public boolean refused() {
      return refusal != null;
    }
  }

  /** @param namespace one namespace, or {@code null} for every managed namespace */
  public Outcome freeze(String actor, String namespace, String reason) {
    Optional<String> outside = namespace == null ? Optional.empty() : releases.namespaceRefusal(namespace);
    if (outside.isPresent()) {
      return refused(outside.get());
    }
    Freeze freeze = new Freeze(namespace, actor, clock.instant(), reason);
    FreezeState.Result result = store(s -> s.freeze(freeze));
    if (result.refused()) {
      return refused(result.refusal());
    }
    List<String> paused = new ArrayList<>();
    List<String> failed = new ArrayList<>();
    for (StoredRelease s : inScope(namespace)) {
      CanaryRelease r = s.release();
      if (!r.phase().isWatched()) {
        continue;
      }
      ActionResult a = attempt(() -> releases.pause(r.namespace(), r.name(), actor, freeze.pauseReason()));
      (a instanceof ActionResult.Done ? paused : failed).add(r.namespace() + "/" + r.name()
          + (a instanceof ActionResult.Refused no ? " (" + no.reason() + ")" : ""));
    }
    redrawOthers(namespace, paused);
    notifier.policyChanged(":ice_cube: *Releases frozen*", "in " + freeze.scope() + " — "
        + freeze.refusal() + paused(paused, "Paused"));
    return new Outcome(null, freeze, paused, failed);
  }

  /** Lifts the freeze of that scope (null: every freeze) and resumes what it paused, only that. */
  public Outcome unfreeze(String actor, String namespace) {
    FreezeState.Result result = store(s -> s.unfreeze(namespace, actor, clock.instant()));
    if (result.refused()) {
      return refused(result.refusal());
    }
    List<String> resumed = new ArrayList<>();
    List<String> failed = new ArrayList<>();
    for (Freeze lifted : result.changed()) {
      for (StoredRelease s : inScope(lifted.namespace())) {
        CanaryRelease r = s.release();
        if (!lifted.paused(r)) {
          continue;
        }
        ActionResult a = attempt(() -> releases.resume(r.namespace(), r.name(), actor));
        (a instanceof ActionResult.Done ? resumed : failed).add(r.namespace() + "/" + r.name()
            + (a instanceof ActionResult.Refused no ? " (" + no.reason() + ")" : ""));
      }
      redrawOthers(lifted.namespace(), resumed);
    }
    notifier.policyChanged(":arrow_forward: *Releases unfrozen*", "by " + actor + ": "
        + String.join(", ", result.changed().stream().map(Freeze::scope).toList())
        + paused(resumed, "Resumed"));
    return new Outcome(null, result.changed().get(0), resumed, failed);
  }

  private static String paused(List<String> names, String verb) {
    return names.isEmpty() ? "" : ". " + verb + ": " + String.join(", ", names);
  }

  private static Outcome refused(String why) {
    return new Outcome(why, null, List.of(), List.of());
  }

  private interface Change {
    FreezeState.Result apply(FreezeState state);
  }

  /** Read, decide, write with the version read; a lost race decides again on what won. */
  private FreezeState.Result store(Change change) {
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      FreezeStore.Stored before = freezes.read();
      FreezeState.Result result = change.apply(before.state());
      if (result.refused()) {
        return result;
      }
      try {
        freezes.write(before, result.state());
        return result;
      } catch (ConflictException e) {
        // Someone froze or unfroze meanwhile: decide again on what is there now.
      }
    }
    return new FreezeState.Result(null, List.of(), "the freeze is changing too fast right now; try again");
  }

  private List<StoredRelease> inScope(String namespace) {
    return namespace == null ? store.listAll() : store.list(namespace);
  }

  /** Releases that owned their route but made no transition: their cards still need the banner. */
  private void redrawOthers(String namespace, List<String> transitioned) {
    for (StoredRelease s : inScope(namespace)) {
      CanaryRelease r = s.release();
      if (r.phase().ownsRoute() && !transitioned.contains(r.namespace() + "/" + r.name())) {
        notifier.redraw(r);
      }
    }
  }

  private static ActionResult attempt(java.util.function.Supplier<ActionResult> action) {
    try {
      return action.get();
    } catch (RuntimeException e) {
      LOG.warnf("freeze: a release could not be changed: %s", e.getMessage());
      return new ActionResult.Refused(e.getMessage());
    }
  }
}
