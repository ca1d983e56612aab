package dev.canarybot.service;

import dev.canarybot.release.CanaryRelease;
import dev.canarybot.release.HistoryEntry;

/**
 * Tells people (the Slack card and its thread) about a transition, whoever made it: a
 * command, a click, the resync or the analysis. Must not block: the caller holds no lock,
 * but a Slack outage must never stall a rollback.
 */
public interface ReleaseNotifier {

  /**
   * @param outcome what happened in the cluster ("VirtualService api-vs.default now 50/50"),
   *     possibly empty
   */
  void transitioned(CanaryRelease release, HistoryEntry entry, String outcome);
}
