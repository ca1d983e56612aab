package dev.canarybot.slack.outbound;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import dev.canarybot.release.CanaryRelease;
import dev.canarybot.release.CardRef;
import dev.canarybot.release.ObservationPolicy;
import dev.canarybot.service.CanaryConfig;
import dev.canarybot.service.LatestAnalysis;
import dev.canarybot.service.Policies;
import dev.canarybot.service.port.WorkloadPermissions;
import dev.canarybot.slack.view.CanaryCard;
import dev.canarybot.slack.view.VerdictMrkdwn;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** Posts and updates release cards and their thread lines, all through the {@link SlackOutbox}. */
@ApplicationScoped
public class CardPublisher {
  private final SlackOutbox outbox;
  private final MethodsClient methods;
  private final LatestAnalysis latest;
  private final ObservationPolicy observation;
  private final WorkloadPermissions permissions;
  private final Clock clock;
  private final Policies policies;
  private final CardLinks links;

  public CardPublisher(SlackOutbox outbox, MethodsClient methods,
      LatestAnalysis latest, WorkloadPermissions permissions, CanaryConfig config, Clock clock,
      Policies policies, CardLinks links) {
    this.policies = policies;
    this.links = links;
    this.outbox = outbox;
    this.permissions = permissions;
    this.methods = methods;
    this.latest = latest;
    this.observation = config.observation();
    this.clock = clock;
  }

  public CanaryCard.Drawn draw(CanaryRelease release) {
    return CanaryCard.draw(release, clock.instant(), observation, VerdictMrkdwn.line(latest.verdict(release)),
        permissions.mayDelete(release.namespace()), policies.freezeOf(release.namespace()).orElse(null),
        links.of(release));
  }

  /**
   * Posts a new card with {@code firstLine} in its thread; completes with where it is, or empty
   * when the post was given up.
   */
  public CompletableFuture<Optional<CardRef>> post(CanaryRelease release, String channel, String firstLine) {
    CanaryCard.Drawn card = draw(release);
    return outbox.submit(Kind.CARD, "chat.postMessage", Where.newMessage(channel),
            () -> methods.chatPostMessage(m -> m.channel(channel).text(card.text()).blocks(card.blocks())
                .unfurlLinks(false).unfurlMedia(false)))
        .thenApply((ChatPostMessageResponse r) -> {
          CardRef ref = new CardRef(r.getChannel(), r.getTs());
          reply(ref, firstLine);
          return Optional.of(ref);
        })
        .exceptionally(failed -> Optional.empty());
  }

  /** Redraws the card in place; a release without a card has nothing to update. */
  public void update(CanaryRelease release) {
    CardRef ref = release.status().card();
    if (ref == null) {
      return;
    }
    CanaryCard.Drawn card = draw(release);
    // chat.update without blocks would strip the card: always send both.
    outbox.submit(Kind.CARD, "chat.update", Where.thread(ref), () -> methods.chatUpdate(u -> u
        .channel(ref.channel()).ts(ref.ts()).text(card.text()).blocks(card.blocks())));
  }

  /** One line in the card's thread. */
  public CompletableFuture<ChatPostMessageResponse> reply(CardRef ref, String text) {
    return inThread(Kind.THREAD_LINE, ref, text);
  }

  /** The scheduled numbers in the card's thread: a newer summary may replace it under back-pressure. */
  public CompletableFuture<ChatPostMessageResponse> summary(CardRef ref, String text) {
    return inThread(Kind.SUMMARY, ref, text);
  }

  private CompletableFuture<ChatPostMessageResponse> inThread(Kind kind, CardRef ref, String text) {
    return outbox.submit(kind, "chat.postMessage", Where.thread(ref),
        () -> methods.chatPostMessage(m -> m.channel(ref.channel()).threadTs(ref.ts()).text(text)
            .unfurlLinks(false).unfurlMedia(false)));
  }
}
