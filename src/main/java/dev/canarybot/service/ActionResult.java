package dev.canarybot.service;

import dev.canarybot.release.CanaryRelease;
import dev.canarybot.release.HistoryEntry;

/** What a use case did: a stored transition (and what the cluster made of it), or a refusal. */
public sealed interface ActionResult {

  /**
   * @param release the release as stored after the transition and its effects
   * @param outcome what happened in the cluster, for people ("VirtualService api-vs.default now
   *     50/50"), including a failure that the resync will retry
   */
  record Done(CanaryRelease release, HistoryEntry entry, String outcome) implements ActionResult {}

  record Refused(String reason) implements ActionResult {}
}
