package dev.canarybot.slack.outbound;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;

import com.slack.api.methods.MethodsClient;
import com.slack.api.model.block.LayoutBlock;
import dev.canarybot.analysis.AlertPage;
import dev.canarybot.analysis.ChartModel;
import dev.canarybot.release.CanaryRelease;
import dev.canarybot.release.CardRef;
import dev.canarybot.release.HistoryEntry;
import dev.canarybot.release.LastVerdict;
import dev.canarybot.service.CanaryConfig;
import dev.canarybot.service.port.AlertDelivery;
import dev.canarybot.service.port.Analysis;
import dev.canarybot.service.port.AutoRollback;
import dev.canarybot.service.port.UnreadableRelease;
import dev.canarybot.service.port.ReleaseNotifier;
import dev.canarybot.slack.SlackSettings;
import dev.canarybot.slack.SlackStartupCheck;
import dev.canarybot.slack.view.AlertText;
import dev.canarybot.slack.view.CanaryCard;
import dev.canarybot.slack.view.SlackText;
import dev.canarybot.slack.view.SummaryChart;
import dev.canarybot.slack.view.SummaryText;
import dev.canarybot.slack.view.ThreadLine;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.stream.Collectors;

/**
 * Everything the bot tells the channel, whoever caused it: transitions redraw the card and add
 * a thread line; an alert episode is one top-level message that calls people, edited as the
 * episode goes on ({@link AlertPublisher}); summaries go in the thread.
 * All of it is queued in the outbox, so a Slack outage delays it but never blocks a rollback.
 */
@ApplicationScoped
public class SlackReleaseNotifier implements ReleaseNotifier {
  private final CardPublisher cards;
  private final SlackOutbox outbox;
  private final MethodsClient methods;
  private final SlackSettings settings;
  private final SlackStartupCheck slack;
  private final CanaryConfig config;
  private final AlertPublisher alerts;
  private volatile CardRef unavailableAlert;

  public SlackReleaseNotifier(CardPublisher cards, AlertPublisher alerts, SlackOutbox outbox,
      MethodsClient methods, SlackSettings settings, SlackStartupCheck slack, CanaryConfig config) {
    this.cards = cards;
    this.alerts = alerts;
    this.outbox = outbox;
    this.methods = methods;
    this.settings = settings;
    this.slack = slack;
    this.config = config;
  }

  private boolean off() {
    return settings.botToken().isEmpty();
  }

  @Override
  public void transitioned(CanaryRelease release, HistoryEntry entry, String outcome) {
    CardRef ref = release.status().card();
    if (off() || ref == null) {
      // No Slack, or a start whose card is still being posted (it catches up when it lands).
      return;
    }
    cards.update(release);
    cards.reply(ref, ThreadLine.of(release, entry, outcome));
  }

  @Override
  public CompletionStage<Optional<CardRef>> postCard(CanaryRelease release, String channel,
      HistoryEntry entry, String outcome) {
    if (off()) {
      return CompletableFuture.completedFuture(Optional.empty());
    }
    return cards.post(release, channel, ThreadLine.of(release, entry, outcome));
  }

  @Override
  public CompletionStage<AlertDelivery> alert(CanaryRelease release, Analysis analysis,
      AutoRollback rollback, AlertPage plan) {
    if (off()) {
      return CompletableFuture.completedFuture(AlertDelivery.NOWHERE);
    }
    CardRef card = release.status().card();
    String channel = plan.page() != null ? plan.page().channel()
        : card != null ? card.channel() : config.channel().orElse(null);
    if (channel == null) {
      return CompletableFuture.completedFuture(AlertDelivery.NOWHERE);
    }
    if (card != null) {
      cards.update(release);
    }
    return alerts.send(release, analysis, rollback, plan, channel,
            AlertText.mention(config.alert().mention()), link(card))
        .thenApply(page -> page.map(AlertDelivery::at).orElse(AlertDelivery.NOT_DELIVERED));
  }

  @Override
  public void policyChanged(String headline, String detail) {
    String channel = config.channel().orElse(null);
    if (off() || channel == null) {
      return;
    }
    String text = headline + " " + SlackText.safe(SlackText.limit(detail, 2800));
    outbox.submit(Kind.ALERT, "chat.postMessage", Where.newMessage(channel),
        () -> methods.chatPostMessage(m -> m.channel(channel).text(text).unfurlLinks(false).unfurlMedia(false)));
  }

  @Override
  public void remind(CanaryRelease release, String text) {
    CardRef card = release.status().card();
    if (off() || card == null) {
      return;
    }
    String line = SlackText.limit(approvers() + ":bell: " + SlackText.safe(text), 3000);
    List<LayoutBlock> blocks = List.of(section(s -> s.text(markdownText(line))),
        actions(a -> a.blockId("canary_reminder_actions").elements(List.of(CanaryCard.promote(release)))));
    outbox.submit(Kind.THREAD_LINE, "chat.postMessage", Where.thread(card), () -> methods.chatPostMessage(m -> m
        .channel(card.channel()).threadTs(card.ts()).text(line).blocks(blocks).unfurlLinks(false).unfurlMedia(false)));
  }

  @Override
  public void deadline(CanaryRelease release, String text) {
    CardRef card = release.status().card();
    String channel = card != null ? card.channel() : config.channel().orElse(null);
    if (off() || channel == null) {
      return;
    }
    String line = SlackText.limit(":hourglass: " + SlackText.safe(text), 3000);
    // In the card's thread and broadcast: the channel hears it once, next to the release it is about.
    Where where = card != null ? Where.thread(card) : Where.newMessage(channel);
    outbox.submit(Kind.ALERT, "chat.postMessage", where, () -> methods.chatPostMessage(m -> {
          m.channel(channel).text(line).unfurlLinks(false).unfurlMedia(false);
          if (card != null) {
            m.threadTs(card.ts()).replyBroadcast(true);
          }
          return m;
        }));
  }

  /** The approvers as mentions: user IDs and user groups, as {@code canary.approvers} lists them. */
  private String approvers() {
    return config.approvers().orElse(List.of()).stream().map(AlertText::mention).collect(Collectors.joining());
  }

  @Override
  public void redraw(CanaryRelease release) {
    if (!off()) {
      cards.update(release);
    }
  }

  @Override
  public void unreadable(UnreadableRelease release, String message) {
    String channel = release.card() != null ? release.card().channel() : config.channel().orElse(null);
    if (off() || channel == null) {
      return;
    }
    String text = ":warning: *CanaryRelease " + release.name() + "* in `" + release.namespace()
        + "` cannot be read and is marked Failed: " + SlackText.safe(SlackText.limit(message, 2500));
    Where where = release.card() != null ? Where.thread(release.card()) : Where.newMessage(channel);
    outbox.submit(Kind.ALERT, "chat.postMessage", where, () -> methods.chatPostMessage(m -> {
      m.channel(channel).text(text).unfurlLinks(false).unfurlMedia(false);
      if (release.card() != null) {
        m.threadTs(release.card().ts()).replyBroadcast(true);
      }
      return m;
    }));
  }

  @Override
  public void capacity(CanaryRelease release, String line) {
    if (off() || release.status().card() == null) {
      return;
    }
    // Read from the cluster (replica counts, names): escaped like any untrusted text.
    cards.reply(release.status().card(), ":arrow_up: " + SlackText.safe(SlackText.limit(line, 2500)));
  }

  @Override
  public void recovered(CanaryRelease release, Analysis analysis, LastVerdict episode) {
    if (off()) {
      return;
    }
    CardRef page = episode == null ? null : episode.page();
    if (page != null) {
      alerts.recovered(page, AlertText.recovered(release, analysis, episode, link(release.status().card())),
          AlertText.recoveredLine(release, analysis));
    } else if (release.status().card() != null) {
      cards.reply(release.status().card(), AlertText.recoveredLine(release, analysis));
    }
  }

  @Override
  public void summary(CanaryRelease release, Analysis analysis, Optional<ChartModel> chart) {
    CardRef card = release.status().card();
    if (off() || card == null) {
      return;
    }
    cards.update(release);
    cards.summary(card, SummaryText.of(release, analysis));
    // No line to draw (a release a minute old, no traffic yet): the numbers above say it all.
    chart.flatMap(SummaryChart::png).ifPresent(png ->
        // An image block needs a public URL; a bot inside a cluster has none, so the PNG is uploaded.
        outbox.submit(Kind.SUMMARY, "files.uploadV2", Where.thread(card),
            () -> methods.filesUploadV2(f -> f.channel(card.channel())
                .threadTs(card.ts()).filename(release.name() + "-summary.png").fileData(png)
                .title(release.name() + " summary chart"))));
  }

  @Override
  public void metricsUnavailable(String reason, List<CanaryRelease> affected) {
    String channel = config.channel().orElse(affected.stream().map(r -> r.status().card())
        .filter(c -> c != null).map(CardRef::channel).findFirst().orElse(null));
    if (off() || channel == null) {
      return;
    }
    String text = AlertText.mention(config.alert().mention()) + ":warning: *Metrics unavailable*: "
        + SlackText.limit(reason, 1500) + "\nPromotion is blocked for "
        + affected.stream().map(CanaryRelease::name).collect(Collectors.joining(", "))
        + " until metrics are back; nothing is rolled back for lack of data.";
    outbox.submit(Kind.ALERT, "chat.postMessage", Where.newMessage(channel),
            () -> methods.chatPostMessage(m -> m.channel(channel).text(text)
                .unfurlLinks(false).unfurlMedia(false)))
        .thenAccept(r -> unavailableAlert = new CardRef(r.getChannel(), r.getTs()));
  }

  @Override
  public void metricsBack() {
    CardRef alert = unavailableAlert;
    unavailableAlert = null;
    if (!off() && alert != null) {
      cards.reply(alert, ":white_check_mark: Metrics are back.");
    }
  }

  /** A link to the card, from the workspace URL auth.test gave. */
  private String link(CardRef card) {
    String base = slack.workspaceUrl();
    if (card == null || base == null) {
      return null;
    }
    return (base.endsWith("/") ? base : base + "/") + "archives/" + card.channel() + "/p" + card.ts().replace(".", "");
  }
}
