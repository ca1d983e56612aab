package dev.canarybot.slack;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import dev.canarybot.release.CanaryRelease;
import dev.canarybot.release.CardRef;
import dev.canarybot.release.HistoryEntry;
import dev.canarybot.release.ObservationPolicy;
import dev.canarybot.service.CanaryConfig;
import dev.canarybot.service.LatestAnalysis;
import dev.canarybot.service.ReleaseService;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** Posts and updates release cards and their thread lines, all through the {@link SlackOutbox}. */
@ApplicationScoped
public class CardPublisher {
  private final SlackOutbox outbox;
  private final MethodsClient methods;
  private final ReleaseService releases;
  private final LatestAnalysis latest;
  private final ObservationPolicy observation;
  private final Clock clock;

  public CardPublisher(SlackOutbox outbox, MethodsClient methods, ReleaseService releases,
      LatestAnalysis latest, CanaryConfig config, Clock clock) {
    this.outbox = outbox;
    this.methods = methods;
    this.releases = releases;
    this.latest = latest;
    this.observation = new ObservationPolicy(config.observeFirstStep(), config.observeLaterSteps());
    this.clock = clock;
  }

  public CanaryCard.Drawn draw(CanaryRelease release) {
    return CanaryCard.draw(release, clock.instant(), observation, latest.line(release));
  }

  /**
   * Posts a new card with {@code firstLine} in its thread and remembers the card on the
   * release. Transitions made while the card was on its way (a fast click, the resync) found
   * no card to update; they are drawn and told here, so none is lost.
   */
  public CompletableFuture<Optional<CardRef>> post(CanaryRelease release, String channel, String firstLine) {
    CanaryCard.Drawn card = draw(release);
    return outbox.submit("chat.postMessage", () -> methods.chatPostMessage(m -> m
            .channel(channel).text(card.text()).blocks(card.blocks())
            .unfurlLinks(false).unfurlMedia(false)))
        .thenApply((ChatPostMessageResponse r) -> {
          CardRef ref = new CardRef(r.getChannel(), r.getTs());
          reply(ref, firstLine, false);
          releases.attachCard(release.namespace(), release.name(), ref).ifPresent(now -> {
            List<HistoryEntry> history = now.status().history();
            int drawn = release.status().history().size();
            if (history.size() > drawn) {
              update(now);
              history.subList(drawn, history.size())
                  .forEach(e -> reply(ref, ThreadLine.of(now, e, ""), false));
            }
          });
          return Optional.of(ref);
        });
  }

  /** Redraws the card in place; a release without a card has nothing to update. */
  public void update(CanaryRelease release) {
    CardRef ref = release.status().card();
    if (ref == null) {
      return;
    }
    CanaryCard.Drawn card = draw(release);
    // chat.update without blocks would strip the card: always send both.
    outbox.submit("chat.update", () -> methods.chatUpdate(u -> u
        .channel(ref.channel()).ts(ref.ts()).text(card.text()).blocks(card.blocks())));
  }

  /** One line in the card's thread; {@code broadcast} also shows it in the channel. */
  public CompletableFuture<ChatPostMessageResponse> reply(CardRef ref, String text, boolean broadcast) {
    return outbox.submit("chat.postMessage", () -> methods.chatPostMessage(m -> m
        .channel(ref.channel()).threadTs(ref.ts()).text(text).replyBroadcast(broadcast)
        .unfurlLinks(false).unfurlMedia(false)));
  }
}
