package dev.canarybot.release;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The moving part of a release.
 *
 * @param weight the canary weight the bot wants on the route
 * @param appliedWeight the canary weight the bot last saw on the route as its own doing; a
 *     route at neither {@code weight} nor {@code appliedWeight} was changed by someone else
 * @param drifted the release was paused because someone else changed the weights
 * @param cleanupMode how the old version is retired, once a cleanup was decided; else {@code null}
 * @param card the Slack card, or {@code null} before it is posted
 * @param history the newest {@link #KEPT_HISTORY} transitions, oldest first
 * @param olderEntries how many older transitions were dropped from {@code history}
 * @param lastVerdict the analysis' last distinct conclusion, or {@code null} before any
 * @param capacity the canary's capacity as the bot drives it, or {@code null} when it does not
 * @param addedRoutes the routes the bot put into the VirtualService and has not removed yet
 * @param nudge reminders and the step deadline as told, or {@code null} before any
 */
public record ReleaseStatus(
    Phase phase,
    int stepIndex,
    int weight,
    Instant stepStartedAt,
    int appliedWeight,
    boolean drifted,
    CleanupMode cleanupMode,
    CardRef card,
    List<HistoryEntry> history,
    int olderEntries,
    LastVerdict lastVerdict,
    CapacityState capacity,
    List<AddedRoute> addedRoutes,
    Nudge nudge) {

  /**
   * Transitions kept in the object: enough for any release a person follows, while the object
   * stays far below etcd's 1.5 MiB however many restarts and rollbacks it sees.
   */
  public static final int KEPT_HISTORY = 100;

  public ReleaseStatus {
    if (weight < 0 || weight > 100 || appliedWeight < 0 || appliedWeight > 100) {
      throw new IllegalArgumentException("weights are percentages: " + weight + ", " + appliedWeight);
    }
    if (olderEntries < 0) {
      throw new IllegalArgumentException("olderEntries is a count: " + olderEntries);
    }
    if (history.size() > KEPT_HISTORY) {
      olderEntries += history.size() - KEPT_HISTORY;
      history = history.subList(history.size() - KEPT_HISTORY, history.size());
    }
    history = List.copyOf(history);
    addedRoutes = addedRoutes == null ? List.of() : List.copyOf(addedRoutes);
  }

  /** A status without reminders told. */
  public ReleaseStatus(Phase phase, int stepIndex, int weight, Instant stepStartedAt,
      int appliedWeight, boolean drifted, CleanupMode cleanupMode, CardRef card,
      List<HistoryEntry> history, int olderEntries, LastVerdict lastVerdict, CapacityState capacity,
      List<AddedRoute> addedRoutes) {
    this(phase, stepIndex, weight, stepStartedAt, appliedWeight, drifted, cleanupMode, card,
        history, olderEntries, lastVerdict, capacity, addedRoutes, null);
  }

  /** A status without routes of the bot's own, nor reminders told. */
  public ReleaseStatus(Phase phase, int stepIndex, int weight, Instant stepStartedAt,
      int appliedWeight, boolean drifted, CleanupMode cleanupMode, CardRef card,
      List<HistoryEntry> history, int olderEntries, LastVerdict lastVerdict, CapacityState capacity) {
    this(phase, stepIndex, weight, stepStartedAt, appliedWeight, drifted, cleanupMode, card,
        history, olderEntries, lastVerdict, capacity, List.of(), null);
  }

  /** A status without capacity state. */
  public ReleaseStatus(Phase phase, int stepIndex, int weight, Instant stepStartedAt,
      int appliedWeight, boolean drifted, CleanupMode cleanupMode, CardRef card,
      List<HistoryEntry> history, int olderEntries, LastVerdict lastVerdict) {
    this(phase, stepIndex, weight, stepStartedAt, appliedWeight, drifted, cleanupMode, card,
        history, olderEntries, lastVerdict, null);
  }

  /** A status the analysis has not looked at yet, with its whole history. */
  public ReleaseStatus(Phase phase, int stepIndex, int weight, Instant stepStartedAt,
      int appliedWeight, boolean drifted, CleanupMode cleanupMode, CardRef card,
      List<HistoryEntry> history) {
    this(phase, stepIndex, weight, stepStartedAt, appliedWeight, drifted, cleanupMode, card,
        history, 0, null);
  }

  /** Every transition the release ever had, dropped ones included: a sequence number. */
  public int transitions() {
    return olderEntries + history.size();
  }

  ReleaseStatus append(HistoryEntry entry) {
    List<HistoryEntry> longer = new ArrayList<>(history);
    longer.add(entry);
    return toBuilder().history(longer).build();
  }

  /** The entries after the first {@code seen} transitions (see {@link #transitions()}). */
  public List<HistoryEntry> since(int seen) {
    int skip = Math.max(0, seen - olderEntries);
    return skip >= history.size() ? List.of() : history.subList(skip, history.size());
  }

  /** The newest history entry, or {@code null} for a status without history. */
  public HistoryEntry last() {
    return history.isEmpty() ? null : history.get(history.size() - 1);
  }

  /** The newest entry made by one of the given actions, or {@code null}. */
  public HistoryEntry lastOf(Action... actions) {
    List<Action> wanted = Arrays.asList(actions);
    for (int i = history.size() - 1; i >= 0; i--) {
      if (wanted.contains(history.get(i).action())) {
        return history.get(i);
      }
    }
    return null;
  }

  /** The added route named {@code name}, or {@code null} when the bot has none by that name. */
  public AddedRoute addedRoute(String name) {
    return addedRoutes.stream().filter(a -> a.name().equals(name)).findFirst().orElse(null);
  }

  /** A copy listing {@code route} under its name, or without {@code name} when it is null. */
  public ReleaseStatus withAddedRoute(String name, AddedRoute route) {
    List<AddedRoute> next = new ArrayList<>(addedRoutes);
    next.removeIf(a -> a.name().equals(name));
    if (route != null) {
      next.add(route);
    }
    return toBuilder().addedRoutes(next).build();
  }

  public Builder toBuilder() {
    return new Builder(this);
  }

  /** A copy with some fields changed: statuses have too many fields for positional copies. */
  public static final class Builder {
    private Phase phase;
    private int stepIndex;
    private int weight;
    private Instant stepStartedAt;
    private int appliedWeight;
    private boolean drifted;
    private CleanupMode cleanupMode;
    private CardRef card;
    private List<HistoryEntry> history;
    private int olderEntries;
    private LastVerdict lastVerdict;
    private CapacityState capacity;
    private List<AddedRoute> addedRoutes;
    private Nudge nudge;

    private Builder(ReleaseStatus s) {
      phase = s.phase;
      stepIndex = s.stepIndex;
      weight = s.weight;
      stepStartedAt = s.stepStartedAt;
      appliedWeight = s.appliedWeight;
      drifted = s.drifted;
      cleanupMode = s.cleanupMode;
      card = s.card;
      history = s.history;
      olderEntries = s.olderEntries;
      lastVerdict = s.lastVerdict;
      capacity = s.capacity;
      addedRoutes = s.addedRoutes;
      nudge = s.nudge;
    }

    public Builder phase(Phase v) { phase = v; return this; }

    public Builder stepIndex(int v) { stepIndex = v; return this; }

    public Builder weight(int v) { weight = v; return this; }

    public Builder stepStartedAt(Instant v) { stepStartedAt = v; return this; }

    public Builder appliedWeight(int v) { appliedWeight = v; return this; }

    public Builder drifted(boolean v) { drifted = v; return this; }

    public Builder cleanupMode(CleanupMode v) { cleanupMode = v; return this; }

    public Builder card(CardRef v) { card = v; return this; }

    public Builder history(List<HistoryEntry> v) { history = v; return this; }

    public Builder olderEntries(int v) { olderEntries = v; return this; }

    public Builder lastVerdict(LastVerdict v) { lastVerdict = v; return this; }

    public Builder capacity(CapacityState v) { capacity = v; return this; }

    public Builder addedRoutes(List<AddedRoute> v) { addedRoutes = v; return this; }

    public Builder nudge(Nudge v) { nudge = v; return this; }

    public ReleaseStatus build() {
      return new ReleaseStatus(phase, stepIndex, weight, stepStartedAt, appliedWeight, drifted,
          cleanupMode, card, history, olderEntries, lastVerdict, capacity, addedRoutes, nudge);
    }
  }
}
