package dev.canarybot.release;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The freezes in force and who froze and unfroze before: what the cluster stores, and the pure
 * rules for changing it. At most one freeze per scope (every namespace, or one namespace).
 *
 * @param history oldest first, the newest {@link #KEPT_HISTORY} kept
 */
public record FreezeState(List<Freeze> active, List<FreezeEvent> history) {
  public static final FreezeState NONE = new FreezeState(List.of(), List.of());
  /** Enough for months of incidents while the ConfigMap stays far below its 1 MiB. */
  public static final int KEPT_HISTORY = 50;

  public FreezeState {
    active = List.copyOf(active);
    history = List.copyOf(history.size() > KEPT_HISTORY
        ? history.subList(history.size() - KEPT_HISTORY, history.size()) : history);
  }

  /** The freeze that stops releases in {@code namespace}: the one of every namespace first. */
  public Optional<Freeze> covering(String namespace) {
    return active.stream().filter(f -> f.namespace() == null).findFirst()
        .or(() -> active.stream().filter(f -> f.covers(namespace)).findFirst());
  }

  public boolean isFrozen() {
    return !active.isEmpty();
  }

  /** The state with {@code freeze} added, or a refusal when its scope is frozen already. */
  public Result freeze(Freeze freeze) {
    Optional<Freeze> same = active.stream()
        .filter(f -> Objects.equals(f.namespace(), freeze.namespace())).findFirst();
    if (same.isPresent()) {
      return Result.refused("already " + same.get().refusal());
    }
    List<Freeze> now = new ArrayList<>(active);
    now.add(freeze);
    List<FreezeEvent> h = new ArrayList<>(history);
    h.add(new FreezeEvent(freeze.at(), freeze.actor(), true, freeze.namespace(), freeze.reason()));
    return new Result(new FreezeState(now, h), List.of(freeze), null);
  }

  /**
   * The state with the freezes of that scope lifted: {@code namespace} null lifts every freeze,
   * a namespace lifts that namespace's. Refused when there is nothing to lift, naming what is.
   */
  public Result unfreeze(String namespace, String actor, Instant at) {
    List<Freeze> lifted = active.stream()
        .filter(f -> namespace == null || namespace.equals(f.namespace())).toList();
    if (lifted.isEmpty()) {
      String what = active.isEmpty() ? "nothing is frozen"
          : "namespace " + namespace + " has no freeze of its own; in force: " + String.join("; ",
              active.stream().map(Freeze::refusal).toList());
      return Result.refused("nothing to unfreeze: " + what);
    }
    List<Freeze> now = new ArrayList<>(active);
    now.removeAll(lifted);
    List<FreezeEvent> h = new ArrayList<>(history);
    lifted.forEach(f -> h.add(new FreezeEvent(at, actor, false, f.namespace(), "")));
    return new Result(new FreezeState(now, h), lifted, null);
  }

  /**
   * A change of the freezes decided as a value.
   *
   * @param changed the freezes added or lifted
   * @param refusal why nothing changed, or {@code null}
   */
  public record Result(FreezeState state, List<Freeze> changed, String refusal) {
    static Result refused(String why) {
      return new Result(null, List.of(), why);
    }

    public boolean refused() {
      return refusal != null;
    }
  }
}
