package dev.canarybot.slack.inbound;

import com.slack.api.Slack;
import com.slack.api.bolt.util.Responder;
import com.slack.api.methods.MethodsClient;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.webhook.WebhookResponse;
import dev.canarybot.slack.SlackSettings;
import dev.canarybot.slack.outbound.Kind;
import dev.canarybot.slack.outbound.SlackOutbox;
import dev.canarybot.slack.outbound.Where;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Answers to the person who typed a command or clicked a button: ephemeral, seen by that person
 * only. Through the request's response_url when it is Slack's (see {@link ResponseUrls});
 * otherwise, or without one, through chat.postEphemeral to that user in that channel, so a
 * forged address is never called and the person still hears the answer. A reply that cannot
 * be delivered is logged; the transition it reports is already in the card's thread and the
 * history.
 */
@ApplicationScoped
public class Replies {
  private static final Logger LOG = Logger.getLogger(Replies.class);
  private final Slack slack;
  private final MethodsClient methods;
  private final SlackOutbox outbox;
  private final ResponseUrls slackUrls;

  public Replies(Slack slack, MethodsClient methods, SlackOutbox outbox, SlackSettings settings) {
    this.slack = slack;
    this.methods = methods;
    this.outbox = outbox;
    this.slackUrls = new ResponseUrls(settings.apiUrl());
  }

  /** To the person who typed a slash command. */
  public void toCommand(String responseUrl, String channel, String user, String text, List<LayoutBlock> blocks) {
    send(responseUrl, channel, user, false, text, blocks);
  }

  /** To the person who clicked a button; the card itself stays as it is. */
  public void toClick(String responseUrl, String channel, String user, String text) {
    send(responseUrl, channel, user, true, text, null);
  }

  private void send(String responseUrl, String channel, String user, boolean click, String text,
      List<LayoutBlock> blocks) {
    if (!slackUrls.isSlack(responseUrl)) {
      if (responseUrl != null && !responseUrl.isBlank()) {
        LOG.warn("a response_url that is not a Slack address was not called; the answer goes "
            + "through chat.postEphemeral instead");
      }
      ephemeral(channel, user, text, blocks);
      return;
    }
    Responder responder = new Responder(slack, responseUrl);
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

  private void ephemeral(String channel, String user, String text, List<LayoutBlock> blocks) {
    if (channel == null || user == null) {
      LOG.warn("no Slack address to answer on: no response_url from Slack, and no channel and user");
      return;
    }
    outbox.submit(Kind.REPLY, "chat.postEphemeral", Where.newMessage(channel),
        () -> methods.chatPostEphemeral(r -> r.channel(channel).user(user).text(text).blocks(blocks)));
  }
}
