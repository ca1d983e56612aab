package dev.canarybot.service.port;

import dev.canarybot.analysis.AlertPage;
import dev.canarybot.analysis.ChartModel;
import dev.canarybot.release.CanaryRelease;
import dev.canarybot.release.CardRef;
import dev.canarybot.release.HistoryEntry;
import dev.canarybot.release.LastVerdict;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

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
   * Posts a new release's card in {@code channel}, with {@code entry} as the first line of its
   * thread. Completes with where the card is, so the caller can remember it on the release;
   * empty when nothing was posted (no Slack) or the post was given up.
   */
  default CompletionStage<Optional<CardRef>> postCard(CanaryRelease release, String channel,
      HistoryEntry entry, String outcome) {
    return CompletableFuture.completedFuture(Optional.empty());
  }

  /**
   * A Watch or Breach episode began or worsened, or an automatic rollback failed: posted as the
   * episode's page, or that page edited in place with a line in its thread, as {@code plan}
   * says. Completes with whether Slack took it and where the page is, so the episode is
   * remembered (with its page) only once its alert went out; an undelivered one is sent again.
   */
  default CompletionStage<AlertDelivery> alert(CanaryRelease release, Analysis analysis,
      AutoRollback rollback, AlertPage plan) {
    return CompletableFuture.completedFuture(AlertDelivery.NOWHERE);
  }

  /** A line about the canary's capacity for the card's thread ("capacity ready: … after 42 s"). */
  default void capacity(CanaryRelease release, String line) {}

  /**
   * The canary is healthy again after an alert: its episode's page says so in place.
   *
   * @param episode the open episode as remembered: its kind, its line and its page (which
   *     may be {@code null}: then the card's thread hears it)
   */
  default void recovered(CanaryRelease release, Analysis analysis, LastVerdict episode) {}

  /**
   * The scheduled numbers for the card's thread, and the card redrawn with them; the chart too
   * when there is history and it has a line to draw ({@link ChartModel#drawable()}).
   */
  default void summary(CanaryRelease release, Analysis analysis, Optional<ChartModel> chart) {}

  /** A release that cannot be read was marked Failed; said once, in its thread or the channel. */
  default void unreadable(UnreadableRelease release, String message) {}

  /** The metrics source stopped answering for several ticks: promotion is blocked meanwhile. */
  default void metricsUnavailable(String reason, List<CanaryRelease> affected) {}

  /** The metrics source answers again. */
  default void metricsBack() {}

  /**
   * A freeze was set or lifted: said once in the channel.
   *
   * @param headline the bot's own mrkdwn (":ice_cube: *Releases frozen*")
   * @param detail domain text holding what a person typed, escaped by the notifier
   */
  default void policyChanged(String headline, String detail) {}

  /**
   * The gates have passed and nobody acted: a line in the card's thread calling the approvers,
   * with the Promote button.
   *
   * @param text the bot's own words ("gates passed 30m ago — promote api-vs to 50 %?")
   */
  default void remind(CanaryRelease release, String text) {}

  /**
   * A step sat past its deadline without passing its gates: said once in the channel, with
   * what keeps blocking it (domain text, escaped by the notifier).
   */
  default void deadline(CanaryRelease release, String text) {}

  /** The card of a release redrawn without a transition (a freeze banner came or went). */
  default void redraw(CanaryRelease release) {}
}
