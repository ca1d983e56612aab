package dev.canarybot.service.port;

import dev.canarybot.release.CardRef;

/**
 * What became of an alert: whether it went out, and where its episode's page now is.
 *
 * @param page the page to edit next time, or {@code null} when there is none (no Slack, no
 *     channel)
 */
public record AlertDelivery(boolean delivered, CardRef page) {
  /** Slack did not take it: the episode stays unsaid and the next tick sends it again. */
  public static final AlertDelivery NOT_DELIVERED = new AlertDelivery(false, null);
  /** Nothing to tell it to (no Slack, no channel): said, as far as the bot can. */
  public static final AlertDelivery NOWHERE = new AlertDelivery(true, null);

  public static AlertDelivery at(CardRef page) {
    return new AlertDelivery(true, page);
  }
}
