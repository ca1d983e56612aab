package dev.canarybot.service;

import dev.canarybot.release.CanaryRelease;
import dev.canarybot.release.HistoryEntry;
import dev.canarybot.analysis.MetricHistory;
import java.util.List;
import java.util.Optional;

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

  /**
   * A Watch or Breach episode began (or worsened): a channel message with the numbers.
   *
   * @param rolledBack the bot rolled the release back because of it
   */
  default void alert(CanaryRelease release, Analysis analysis, boolean rolledBack) {}

  /** The canary is healthy again after an alert. */
  default void recovered(CanaryRelease release, Analysis analysis) {}

  /**
   * The scheduled numbers for the card's thread (with a chart when there is history), and the
   * card redrawn with them.
   */
  default void summary(CanaryRelease release, Analysis analysis, Optional<MetricHistory> history) {}

  /** The metrics source stopped answering for several ticks: promotion is blocked meanwhile. */
  default void metricsUnavailable(String reason, List<CanaryRelease> affected) {}

  /** The metrics source answers again. */
  default void metricsBack() {}
}
