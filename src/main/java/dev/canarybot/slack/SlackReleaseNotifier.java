package dev.canarybot.slack;

import dev.canarybot.release.CanaryRelease;
import dev.canarybot.release.CardRef;
import dev.canarybot.release.HistoryEntry;
import dev.canarybot.service.ReleaseNotifier;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Every transition, whoever made it, redraws the card and adds one line to its thread. Both
 * are queued in the outbox, so a Slack outage delays them but never blocks a rollback.
 */
@ApplicationScoped
public class SlackReleaseNotifier implements ReleaseNotifier {
  private final CardPublisher cards;
  private final SlackSettings settings;

  public SlackReleaseNotifier(CardPublisher cards, SlackSettings settings) {
    this.cards = cards;
    this.settings = settings;
  }

  @Override
  public void transitioned(CanaryRelease release, HistoryEntry entry, String outcome) {
    CardRef ref = release.status().card();
    if (settings.botToken().isEmpty() || ref == null) {
      // No Slack, or a start whose card is still being posted (it posts its own first line).
      return;
    }
    cards.update(release);
    cards.reply(ref, ThreadLine.of(release, entry, outcome), false);
  }
}
