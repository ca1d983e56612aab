package dev.canarybot.service;

import dev.canarybot.release.Action;
import dev.canarybot.release.CanaryRelease;
import dev.canarybot.release.CapacityMode;
import dev.canarybot.release.CapacityState;
import dev.canarybot.release.ReplicaReading;
import dev.canarybot.release.CardRef;
import dev.canarybot.release.CleanupMode;
import dev.canarybot.release.Command;
import dev.canarybot.release.Decision;
import dev.canarybot.release.Effect;
import dev.canarybot.release.HistoryEntry;
import dev.canarybot.release.InvalidPlanException;
import dev.canarybot.release.Phase;
import dev.canarybot.release.Preflight;
import dev.canarybot.release.ReleasePlan;
import dev.canarybot.release.ReleasePolicy;
import dev.canarybot.release.ReleaseStateMachine;
import dev.canarybot.release.ReleaseTarget;
import dev.canarybot.release.TestersMatch;
import dev.canarybot.service.port.Capacity;
import dev.canarybot.service.port.ConflictException;
import dev.canarybot.service.port.FreezeStore;
import dev.canarybot.service.port.ReleaseEvents;
import dev.canarybot.service.port.ReleaseNotifier;
import dev.canarybot.service.port.ReleaseStore;
import dev.canarybot.service.port.ResolvedTarget;
import dev.canarybot.service.port.StoredRelease;
import dev.canarybot.service.port.TargetException;
import dev.canarybot.service.port.TargetQuery;
import dev.canarybot.service.port.TargetResolver;
import dev.canarybot.service.port.UnreadableRelease;
import dev.canarybot.service.port.UnreadableReleaseException;
import dev.canarybot.service.port.WorkloadPermissions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The use cases. Each one reads the release, asks the state machine, stores the answer with
 * a compare-and-swap, then reconciles the cluster. A lost compare-and-swap is re-read and
 * re-decided with what the asker saw, so racing clicks yield one transition and the others a
 * refusal that says what happened.
 */
@ApplicationScoped
public class ReleaseService {
  private static final Logger LOG = Logger.getLogger(ReleaseService.class);
  private static final int ATTEMPTS = 5;

  private final ReleaseStore store;
  private final TargetResolver resolver;
  private final Reconciler reconciler;
  private final ReleaseEvents events;
  private final ReleaseNotifier notifier;
  private final PromotionGates gates;
  private final WorkloadPermissions permissions;
  private final StartPreflight preflight;
  private final CanaryConfig config;
  private final Clock clock;
  private final Policies policies;
  private final Capacity capacity;

  /**
   * Without freezes (none can be stored), with the change windows of {@code config}, never
   * reading the canary's replicas (capacity off for every release).
   */
  public ReleaseService(ReleaseStore store, TargetResolver resolver, Reconciler reconciler,
      ReleaseEvents events, ReleaseNotifier notifier, PromotionGates gates,
      WorkloadPermissions permissions, StartPreflight preflight, CanaryConfig config, Clock clock) {
    this(store, resolver, reconciler, events, notifier, gates, permissions, preflight, config, clock,
        new Policies(FreezeStore.NONE, config), null);
  }

  /** Never reading the canary's replicas (capacity off for every release). */
  public ReleaseService(ReleaseStore store, TargetResolver resolver, Reconciler reconciler,
      ReleaseEvents events, ReleaseNotifier notifier, PromotionGates gates,
      WorkloadPermissions permissions, StartPreflight preflight, CanaryConfig config, Clock clock,
      Policies policies) {
    this(store, resolver, reconciler, events, notifier, gates, permissions, preflight, config, clock,
        policies, null);
  }

  @Inject
  public ReleaseService(ReleaseStore store, TargetResolver resolver, Reconciler reconciler,
      ReleaseEvents events, ReleaseNotifier notifier, PromotionGates gates,
      WorkloadPermissions permissions, StartPreflight preflight, CanaryConfig config, Clock clock,
      Policies policies, Capacity capacity) {
    this.policies = policies;
    this.capacity = capacity;
    this.store = store;
    this.resolver = resolver;
    this.reconciler = reconciler;
    this.events = events;
    this.notifier = notifier;
    this.gates = gates;
    this.permissions = permissions;
    this.preflight = preflight;
    this.config = config;
    this.clock = clock;
  }

  public Optional<CanaryRelease> find(String namespace, String name) {
    return store.find(namespace, name).map(StoredRelease::release);
  }

  public List<CanaryRelease> list(String namespace) {
    return store.list(namespace).stream().map(StoredRelease::release).toList();
  }

  /** A refusal when the namespace is not one the bot was given, else empty. */
  public Optional<String> namespaceRefusal(String namespace) {
    List<String> allowed = config.namespaces().orElse(List.of());
    if (allowed.isEmpty() || allowed.contains(namespace)) {
      return Optional.empty();
    }
    return Optional.of("canary-bot does not manage namespace " + namespace + "; it manages "
        + String.join(", ", allowed) + " (setting CANARY_NAMESPACES)");
  }

  public ActionResult start(StartRequest request) {
    Optional<String> outside = namespaceRefusal(request.query().namespace());
    if (outside.isPresent()) {
      return new ActionResult.Refused(outside.get());
    }
    ReleasePolicy.Verdict policy = policy(Action.START, request.query().namespace(),
        request.query().virtualService(), false);
    if (policy.refused()) {
      return new ActionResult.Refused(policy.refusal());
    }
    ReleasePlan plan;
    try {
      plan = new ReleasePlan(request.steps() == null ? config.steps() : request.steps(),
          config.cleanupAfter());
    } catch (InvalidPlanException e) {
      return new ActionResult.Refused(e.getMessage());
    }
    ConfiguredChecks.Resolved checks = ConfiguredChecks.resolve(config.checks(), request.checks());
    if (checks.refusal() != null) {
      return new ActionResult.Refused(checks.refusal());
    }
    // A running release changes the route's weights, which can make resolution itself
    // ambiguous; say what runs there before trying to read the route.
    List<CanaryRelease> owningRoutes = list(request.query().namespace()).stream()
        .filter(r -> r.phase().ownsRoute()).toList();
    Optional<CanaryRelease> running = runningOn(owningRoutes, request.query());
    if (running.isPresent()) {
      return alreadyRunning(running.get());
    }
    ResolvedTarget resolved;
    try {
      resolved = resolver.resolve(request.query());
    } catch (TargetException e) {
      return new ActionResult.Refused("cannot start: " + e.getMessage());
    }
    Optional<CanaryRelease> rival = runningOnSameRoute(owningRoutes, resolved);
    if (rival.isPresent()) {
      return alreadyRunning(rival.get());
    }
    Preflight checked;
    try {
      checked = preflight.check(resolved.target());
    } catch (TargetException e) {
      return new ActionResult.Refused("cannot start: the checks before a start could not read the cluster: "
          + e.getMessage() + ". Nothing is started on what could not be checked; try again");
    }
    if (checked.refused()) {
      return new ActionResult.Refused("cannot start " + resolved.target().describe()
          + ": the checks before a start found what must be fixed first\n• "
          + String.join("\n• ", checked.lines()) + "\nThe checks run again at the next start");
    }
    CapacityMode mode = request.capacity() != null ? request.capacity() : config.capacity();
    CapacityState atStart = null;
    if (capacity != null) {
      try {
        ReplicaReading canary = capacity.read(resolved.target().namespace(), resolved.target().canaryWorkload());
        if (mode == CapacityMode.OFF && canary.ready() < 1) {
          return new ActionResult.Refused(noReadyCanary(resolved.target(), canary));
        }
        atStart = mode == CapacityMode.OFF ? null : capacityAtStart(resolved.target(), canary);
      } catch (TargetException e) {
        return new ActionResult.Refused("cannot start: " + e.getMessage());
      }
    }
    Command start = new Command.Start(request.actor(), resolved.releaseName(), resolved.target(),
        plan, request.autoRollback(), resolved.current().canary(), Map.of(), checks.checks(),
        capacity == null ? CapacityMode.OFF : mode, atStart);
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      Optional<StoredRelease> existing;
      try {
        existing = store.find(resolved.target().namespace(), resolved.releaseName());
      } catch (UnreadableReleaseException e) {
        return unreadable(resolved.target().namespace(), resolved.releaseName(), e);
      }
      Decision d = ReleaseStateMachine.decide(existing.map(StoredRelease::release).orElse(null),
          start, clock.instant());
      if (d instanceof Decision.Refused refused) {
        return new ActionResult.Refused(refused.reason());
      }
      Decision.Accepted a = withTesters((Decision.Accepted) d, request.testers());
      try {
        StoredRelease written = existing.isPresent()
            ? store.update(existing.get(), a.release())
            : store.create(a.release());
        ActionResult result = afterTransition(written, a, checked);
        if (request.cardChannel() != null && result instanceof ActionResult.Done done) {
          postCard(done, request.cardChannel());
        }
        return result;
      } catch (ConflictException e) {
        // Someone else created or changed it meanwhile: decide again on what is there now.
      }
    }
    return busy(resolved.releaseName());
  }

  /** The start's testers go into the spec, and its history line says so. */
  private static Decision.Accepted withTesters(Decision.Accepted a, TestersMatch testers) {
    if (testers == null) {
      return a;
    }
    HistoryEntry e = a.entry();
    HistoryEntry entry = new HistoryEntry(e.at(), e.actor(), e.action(), e.fromPhase(), e.toPhase(),
        e.fromWeight(), e.toWeight(), e.reason() + ", testers with " + testers.describe());
    List<HistoryEntry> history = new ArrayList<>(a.release().status().history());
    history.set(history.size() - 1, entry);
    CanaryRelease release = a.release().withTesters(testers)
        .withStatus(a.release().status().toBuilder().history(history).build());
    return new Decision.Accepted(release, entry, a.effects());
  }

  /**
   * Adds the testers' route with {@code match}, or removes it ({@code match == null}); the
   * route follows at once while the release runs, and at the resume of a paused one.
   */
  public ActionResult testers(String namespace, String name, String actor, TestersMatch match) {
    return act(namespace, name, new Command.Testers(actor, match));
  }

  /** With capacity off the canary must already serve: nothing will scale it before it gets traffic. */
  private static String noReadyCanary(ReleaseTarget t, ReplicaReading canary) {
    return "cannot start: capacity is off and " + t.canaryWorkload()
        + " has no ready replica (" + canary.ready() + "/" + canary.desired() + " ready), so its "
        + "first weight would go to no pod (rule: a canary needs a ready replica before traffic). "
        + "Scale it first (`kubectl scale deployment " + t.canaryWorkload() + " --replicas=1 -n "
        + t.namespace() + "`), or start without `--capacity off` so canary-bot scales it";
  }

  /** The replicas the release starts from, which the canary's capacity never drops below. */
  private CapacityState capacityAtStart(ReleaseTarget t, ReplicaReading canary) {
    ReplicaReading stable = capacity.read(t.namespace(), t.stableWorkload());
    return CapacityState.atStart(canary.floor(), stable.desired(), canary.autoscaler());
  }

  private static ActionResult alreadyRunning(CanaryRelease running) {
    return new ActionResult.Refused("cannot start: canary " + running.describe()
        + " is already running on " + running.target().describe()
        + "; one canary at a time per route. Promote, roll back or clean it up first.");
  }

  private static Optional<CanaryRelease> runningOn(List<CanaryRelease> owningRoutes, TargetQuery query) {
    return owningRoutes.stream()
        .filter(r -> r.target().virtualService().equals(query.virtualService()))
        .filter(r -> query.route() == null || query.route().equals(r.target().route()))
        .findFirst();
  }

  /** The resolver stays in the query's namespace, so the releases listed before still apply. */
  private static Optional<CanaryRelease> runningOnSameRoute(List<CanaryRelease> owningRoutes,
      ResolvedTarget resolved) {
    ReleaseTarget t = resolved.target();
    return owningRoutes.stream()
        .filter(r -> !r.name().equals(resolved.releaseName()))
        .filter(r -> r.target().virtualService().equals(t.virtualService())
            && Objects.equals(r.target().route(), t.route()))
        .findFirst();
  }

  /**
   * Promotes when the gates pass; {@code force} promotes anyway and writes the reasons it
   * overrode into the history.
   *
   * @param toWeight a later step of the plan, or 0 for the next one
   * @param expectedWeight the weight the asker saw (a button's step), or -1 for "as it is now"
   */
  public ActionResult promote(String namespace, String name, String actor, int toWeight,
      int expectedWeight, String reason, boolean force) {
    Optional<StoredRelease> now;
    try {
      now = store.find(namespace, name);
    } catch (UnreadableReleaseException e) {
      return unreadable(namespace, name, e);
    }
    if (now.isEmpty()) {
      return notFound(namespace, name);
    }
    CanaryRelease release = now.get().release();
    int seen = expectedWeight < 0 ? release.weight() : expectedWeight;
    String why = reason;
    // The policy comes first: during a freeze, "frozen by …" is the answer, whatever the card showed.
    boolean wouldMove = release.phase() == Phase.Progressing && release.weight() == seen;
    ReleasePolicy.Verdict policy = policy(Action.PROMOTE, namespace, name, release, force);
    if (policy.refused()) {
      return new ActionResult.Refused(policy.refusal());
    }
    if (wouldMove) {
      List<String> blockers = gates.blockers(release);
      if (!blockers.isEmpty() && !force) {
        return new ActionResult.Refused("cannot promote " + name + " yet: "
            + String.join("; ", blockers) + ". An approver may override with `/canary promote "
            + name + " --force`.");
      }
      if (!blockers.isEmpty()) {
        why = "promoted by override despite: " + String.join("; ", blockers);
      }
      if (policy.override() != null) {
        why = why == null ? policy.override() : why + "; " + policy.override();
      }
    }
    return act(namespace, name, new Command.Promote(actor, toWeight, seen, why, config.secondApprover()));
  }

  /** @param expectedWeight the weight the asker saw (a button's), or -1 for "as it is now" */
  public ActionResult rollback(String namespace, String name, String actor, String reason,
      int expectedWeight) {
    return act(namespace, name, new Command.Rollback(actor, reason, expectedWeight));
  }

  public ActionResult pause(String namespace, String name, String actor, String reason) {
    return act(namespace, name, new Command.Pause(actor, reason));
  }

  public ActionResult resume(String namespace, String name, String actor) {
    ReleasePolicy.Verdict policy = policy(Action.RESUME, namespace, name, false);
    if (policy.refused()) {
      return new ActionResult.Refused(policy.refusal());
    }
    return act(namespace, name, new Command.Resume(actor));
  }

  public ActionResult complete(String namespace, String name, String actor) {
    return act(namespace, name, new Command.Complete(actor));
  }

  public ActionResult cleanup(String namespace, String name, String actor, CleanupMode mode,
      boolean force) {
    ReleasePolicy.Verdict policy = policy(Action.CLEANUP, namespace, name, force);
    if (policy.refused()) {
      return new ActionResult.Refused(policy.refusal());
    }
    if (mode == CleanupMode.DELETE && !permissions.mayDelete(namespace)) {
      // Refused before anything is stored: a delete the API server then forbids would leave
      // the release half cleaned up.
      return new ActionResult.Refused("canary-bot may not delete Deployments in " + namespace
          + " (its Role does not grant it; the deployment-delete component of manifests/ does). "
          + "Clean up by scaling to 0 instead: `/canary cleanup " + name + " -n " + namespace + "`");
    }
    return act(namespace, name, new Command.Cleanup(actor, mode, force));
  }

  /**
   * The freezes and windows on this request. Freezes are read from the cluster now; when they
   * cannot be read the request is refused, because an unknown freeze is never "not frozen".
   * Rollback and pause never come here: they must not wait for anything.
   */
  private ReleasePolicy.Verdict policy(Action action, String namespace, String name, boolean force) {
    return policy(action, namespace, name, null, force);
  }

  /** @param release the release asked about, whose own windows rule it; null when there is none yet */
  private ReleasePolicy.Verdict policy(Action action, String namespace, String name, CanaryRelease release,
      boolean force) {
    ReleasePolicy policy;
    try {
      policy = policies.now();
    } catch (RuntimeException e) {
      return new ReleasePolicy.Verdict("cannot " + action.word() + " " + name
          + ": whether releases are frozen cannot be read (" + e.getMessage() + "); try again, "
          + "or roll back, which never waits for it", null);
    }
    return policy.check(action, namespace, name,
        release == null ? null : release.windowsOr(null), force, clock.instant());
  }

  /**
   * Posts the card of a release just started and remembers it on the release. Transitions made
   * while the card was on its way (a fast click, the resync) found no card to update; they are
   * told here, in order, so none is lost.
   */
  private void postCard(ActionResult.Done started, String channel) {
    CanaryRelease drawn = started.release();
    notifier.postCard(drawn, channel, started.entry(), started.outcome())
        .thenAccept(ref -> ref.flatMap(card -> attachCard(drawn.namespace(), drawn.name(), card))
            .ifPresent(now -> now.status().since(drawn.status().transitions())
                .forEach(missed -> notifier.transitioned(now, missed, ""))));
  }

  /**
   * Remembers where the release's card was posted, so every replica updates that message.
   * Not a transition: only the card field changes, so a lost race is simply retried.
   */
  public Optional<CanaryRelease> attachCard(String namespace, String name, CardRef card) {
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      Optional<StoredRelease> current = store.find(namespace, name);
      if (current.isEmpty()) {
        return Optional.empty();
      }
      try {
        return Optional.of(store.update(current.get(), current.get().release().withCard(card)).release());
      } catch (ConflictException e) {
        // Someone transitioned it meanwhile; put the card on the newer version.
      }
    }
    return Optional.empty();
  }

  /**
   * Applies one command with compare-and-swap. The asker acted on the release as first read:
   * when a lost race turns out to be another transition (not just a bookkeeping write), the
   * command is refused with what happened instead of being applied on top of it.
   */
  ActionResult act(String namespace, String name, Command command) {
    Optional<String> outside = namespaceRefusal(namespace);
    if (outside.isPresent()) {
      return new ActionResult.Refused(outside.get());
    }
    try {
      return decideAndStore(namespace, name, command);
    } catch (UnreadableReleaseException e) {
      return unreadable(namespace, name, e);
    }
  }

  private static ActionResult unreadable(String namespace, String name, UnreadableReleaseException e) {
    return new ActionResult.Refused(unreadableReason(namespace, name, e));
  }

  /** What is wrong with a stored release the bot cannot read, and how a person fixes it. */
  public static String unreadableReason(String namespace, String name, UnreadableReleaseException e) {
    return e.getMessage() + ", so canary-bot does not act on it; fix it with "
        + "`kubectl edit crel " + name + " -n " + namespace + "` or delete it";
  }

  private ActionResult decideAndStore(String namespace, String name, Command command) {
    int seenTransitions = -1;
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      Optional<StoredRelease> current = store.find(namespace, name);
      if (current.isEmpty()) {
        return notFound(namespace, name);
      }
      CanaryRelease release = current.get().release();
      Decision d = ReleaseStateMachine.decide(release, command, clock.instant());
      if (d instanceof Decision.Refused refused) {
        // The state machine's own words say best what happened ("already at 50 % — …").
        return new ActionResult.Refused(refused.reason());
      }
      int transitions = release.status().transitions();
      if (seenTransitions >= 0 && transitions != seenTransitions) {
        return new ActionResult.Refused("not done: " + name + " changed while this was decided — "
            + release.status().last().describe() + "; look at the card and try again if you still want to");
      }
      seenTransitions = transitions;
      try {
        return afterTransition(store.update(current.get(), ((Decision.Accepted) d).release()),
            (Decision.Accepted) d, Preflight.none());
      } catch (ConflictException e) {
        // Lost the race: re-read to learn whether it was another transition or bookkeeping.
      }
    }
    return busy(name);
  }

  private ActionResult afterTransition(StoredRelease written, Decision.Accepted a, Preflight checked) {
    events.transitioned(a.release(), a.entry());
    boolean reassert = a.effects().stream().anyMatch(e -> e instanceof Effect.ReassertWeights);
    Reconciler.Reconciled r = reconciler.reconcile(written, reassert, a.entry().fromWeight());
    notifier.transitioned(r.stored().release(), a.entry(), r.outcome());
    tell(r);
    return new ActionResult.Done(r.stored().release(), a.entry(), r.outcome(), r.route(), checked);
  }

  /** Re-applies every release's weights, finishes pending cleanups and reports drift. */
  public List<Reconciler.Reconciled> resyncAll() {
    ReleaseStore.Scan scan = store.scan();
    scan.unreadable().stream().filter(u -> !u.marked()).forEach(this::reportUnreadable);
    return scan.readable().stream().map(this::resyncOne).toList();
  }

  /**
   * A release the bot cannot read is never acted on: it is marked Failed with the reason, so
   * every replica leaves it alone, and reported once (Event, and the card's thread or channel).
   * The mark is a compare-and-swap: of two replicas, one reports.
   */
  private void reportUnreadable(UnreadableRelease u) {
    try {
      store.markUnreadable(u);
    } catch (ConflictException e) {
      return; // changed meanwhile (perhaps fixed): the next resync looks again
    } catch (RuntimeException e) {
      LOG.warnf("could not mark unreadable CanaryRelease %s.%s: %s", u.name(), u.namespace(), e.getMessage());
      return;
    }
    String message = u.reason() + "; canary-bot does not act on it. Fix it (kubectl edit crel "
        + u.name() + " -n " + u.namespace() + ") and start again, or delete it";
    events.warning(u.namespace(), u.name(), "Unreadable", message);
    notifier.unreadable(u, message);
  }

  private Reconciler.Reconciled resyncOne(StoredRelease stored) {
    try {
      Reconciler.Reconciled r = reconciler.reconcile(stored, false);
      tell(r);
      if (r.made().isEmpty()
          && !Objects.equals(stored.release().status().capacity(), r.stored().release().status().capacity())) {
        // A wait's reading moved on ("2/3 ready") or ended with the route moved: the card shows
        // it; the thread hears only the end.
        notifier.redraw(r.stored().release());
      }
      return r;
    } catch (RuntimeException e) {
      // One broken release must not keep the others from converging.
      return new Reconciler.Reconciled(stored, "resync failed: " + e.getMessage());
    }
  }

  private void tell(Reconciler.Reconciled r) {
    if (!r.note().isEmpty()) {
      notifier.capacity(r.stored().release(), r.note());
    }
    r.made().forEach(entry -> notifier.transitioned(r.stored().release(), entry, r.outcome()));
  }

  private ActionResult notFound(String namespace, String name) {
    List<String> names = store.list(namespace).stream().map(s -> s.release().name()).sorted().toList();
    return new ActionResult.Refused("there is no canary release " + name + " in namespace " + namespace
        + (names.isEmpty() ? " (there are none there)" : " (there are: " + String.join(", ", names) + ")"));
  }

  private ActionResult busy(String name) {
    return new ActionResult.Refused(name + " is changing too fast to act on right now; try again");
  }
}
