package dev.canarybot.slack.inbound;

import com.slack.api.Slack;
import com.slack.api.bolt.util.Responder;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.webhook.WebhookResponse;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Answers to the person who typed a command or clicked a button, through the request's
 * response_url: ephemeral, seen by that person only. A reply that cannot be delivered is
 * logged; the transition it reports is already in the card's thread and the history.
 */
public final class Replies {
  private static final Logger LOG = Logger.getLogger(Replies.class);

  private Replies() {}

  /** To the person who typed a slash command. */
  public static void toCommand(Slack slack, String responseUrl, String text, List<LayoutBlock> blocks) {
    send(responder(slack, responseUrl), false, text, blocks);
  }

  /** To the person who clicked a button; the card itself stays as it is. */
  public static void toClick(Slack slack, String responseUrl, String text) {
    send(responder(slack, responseUrl), true, text, null);
  }

  private static Responder responder(Slack slack, String responseUrl) {
    return responseUrl == null || responseUrl.isBlank() ? null : new Responder(slack, responseUrl);
  }

  private static void send(Responder responder, boolean click, String text, List<LayoutBlock> blocks) {
    if (responder == null) {
      LOG.warn("no response_url to answer on");
      return;
    }
    for (int attempt = 1; attempt <= 3; attempt++) {
      try {
        WebhookResponse r = click
            ? responder.sendToAction(b -> b.responseType("ephemeral").replaceOriginal(false).text(text))
            : responder.sendToCommand(b -> {
              b.responseType("ephemeral").text(text);
              if (blocks != null) {
                b.blocks(blocks);
              }
              return b;
            });
        if (r.getCode() < 500 && r.getCode() != 429) {
          return;
        }
      } catch (Exception e) {
        LOG.debugf("response_url reply failed (try %d): %s", attempt, e.getMessage());
      }
      try {
        Thread.sleep(500L * attempt);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
    LOG.warn("could not deliver a reply through response_url");
  }
}
