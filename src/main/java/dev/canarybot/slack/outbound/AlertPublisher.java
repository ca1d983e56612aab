package dev.canarybot.slack.outbound;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.model.block.LayoutBlock;
import dev.canarybot.analysis.AlertPage;
import dev.canarybot.release.CanaryRelease;
import dev.canarybot.release.CardRef;
import dev.canarybot.service.port.Analysis;
import dev.canarybot.service.port.AutoRollback;
import dev.canarybot.slack.view.AlertText;
import dev.canarybot.slack.view.CanaryCard;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.jboss.logging.Logger;

/**
 * An alert episode's one top-level message (its page): posted with the mention, then edited
 * in place with a line in its thread for every later step. The mention goes into the thread
 * line, broadcast to the channel, only when the plan says a person must act: an edit alone
 * notifies nobody, which is the point of editing.
 */
@ApplicationScoped
public class AlertPublisher {
  private static final Logger LOG = Logger.getLogger(AlertPublisher.class);
  private final SlackOutbox outbox;
  private final MethodsClient methods;

  public AlertPublisher(SlackOutbox outbox, MethodsClient methods) {
    this.outbox = outbox;
    this.methods = methods;
  }

  /**
   * Completes with where the episode's page is; empty when Slack did not take it, so the
   * caller does not remember an alert nobody saw.
   */
  public CompletableFuture<Optional<CardRef>> send(CanaryRelease release, Analysis analysis,
      AutoRollback rollback, AlertPage plan, String channel, String mention, String cardLink) {
    String loud = AlertText.alert(mention, release, analysis, rollback, cardLink);
    if (plan.posts()) {
      return post(channel, blocks(release, rollback, loud), loud);
    }
    CardRef page = plan.page();
    // The edit calls nobody; the mention, when due, is in the thread line.
    String body = AlertText.alert("", release, analysis, rollback, cardLink);
    String line = AlertText.alert(plan.mention() ? mention : "", release, analysis, rollback, null);
    return edit(page, body, blocks(release, rollback, body))
        .thenApply(edited -> true)
        .exceptionally(failed -> {
          LOG.warnf("alert page of %s could not be edited (%s); posting a new one", release.name(),
              failed.getMessage());
          return false;
        })
        .thenCompose(edited -> edited
            // The page says it all, so a lost quiet line does not make the step unsaid; a lost
            // mention does (someone must act): the next tick edits and calls again.
            ? inThread(page, line, plan.mention()).handle((replied, failed) ->
                failed != null && plan.mention() ? Optional.<CardRef>empty() : Optional.of(page))
            // The page is gone (deleted by hand, its channel archived): the episode needs a new
            // one, and it calls people, since they never saw the earlier one go on.
            : post(channel, blocks(release, rollback, loud), loud));
  }

  /** The episode ended well: its page says so in place, and its thread has the line. */
  public void recovered(CardRef page, String body, String line) {
    List<LayoutBlock> blocks = List.of(section(s -> s.text(markdownText(body))));
    edit(page, body, blocks).thenCompose(edited -> inThread(page, line, false))
        .exceptionally(failed -> {
          LOG.warnf("recovery could not be told on the alert page: %s", failed.getMessage());
          return null;
        });
  }

  private CompletableFuture<Optional<CardRef>> post(String channel, List<LayoutBlock> blocks, String text) {
    return outbox.submit(Kind.ALERT, "chat.postMessage", Where.newMessage(channel),
            () -> methods.chatPostMessage(m -> m.channel(channel).text(text).blocks(blocks)
                .unfurlLinks(false).unfurlMedia(false)))
        .thenApply((ChatPostMessageResponse r) -> Optional.of(new CardRef(r.getChannel(), r.getTs())))
        .exceptionally(failed -> Optional.empty());
  }

  private CompletableFuture<?> edit(CardRef page, String text, List<LayoutBlock> blocks) {
    // chat.update without blocks would strip the button: always send both.
    return outbox.submit(Kind.ALERT, "chat.update", Where.thread(page), () -> methods.chatUpdate(u -> u
        .channel(page.channel()).ts(page.ts()).text(text).blocks(blocks)));
  }

  private CompletableFuture<ChatPostMessageResponse> inThread(CardRef page, String text, boolean broadcast) {
    // A line that calls people is an alert; one that only tells is a thread line.
    Kind kind = broadcast ? Kind.ALERT : Kind.THREAD_LINE;
    return outbox.submit(kind, "chat.postMessage", Where.thread(page),
        () -> methods.chatPostMessage(m -> m.channel(page.channel()).threadTs(page.ts()).text(text)
            .replyBroadcast(broadcast).unfurlLinks(false).unfurlMedia(false)));
  }

  private static List<LayoutBlock> blocks(CanaryRelease release, AutoRollback rollback, String text) {
    List<LayoutBlock> blocks = new ArrayList<>();
    blocks.add(section(s -> s.text(markdownText(text))));
    if (rollback.outcome() != AutoRollback.Outcome.DONE && release.phase().ownsRoute()) {
      blocks.add(actions(a -> a.blockId("canary_alert_actions")
          .elements(List.of(CanaryCard.rollback(release)))));
    }
    return blocks;
  }
}
