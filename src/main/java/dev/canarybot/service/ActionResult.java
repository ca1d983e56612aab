package dev.canarybot.service;

import dev.canarybot.release.CanaryRelease;
import dev.canarybot.release.HistoryEntry;
import dev.canarybot.release.Preflight;

/** What a use case did: a stored transition (and what the cluster made of it), or a refusal. */
public sealed interface ActionResult {

  /**
   * @param release the release as stored after the transition and its effects
   * @param outcome what happened in the cluster, for people ("VirtualService api-vs.default now
   *     50/50"), including a failure that the resync will retry
   * @param route whether the route carries the new weights now
   * @param preflight what the checks before a start found; none for other transitions
   */
  record Done(CanaryRelease release, HistoryEntry entry, String outcome, Reconciler.RouteState route,
      Preflight preflight) implements ActionResult {

    public Done(CanaryRelease release, HistoryEntry entry, String outcome, Reconciler.RouteState route) {
      this(release, entry, outcome, route, Preflight.none());
    }

    /** True when the transition is stored and the route carries it. */
    public boolean routed() {
      return route == Reconciler.RouteState.OK;
    }
  }

  record Refused(String reason) implements ActionResult {}
}
