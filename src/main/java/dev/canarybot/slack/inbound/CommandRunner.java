package dev.canarybot.slack.inbound;

import dev.canarybot.release.CanaryRelease;
import dev.canarybot.release.CleanupMode;
import dev.canarybot.release.TimeText;
import dev.canarybot.service.ActionResult;
import dev.canarybot.service.CanaryConfig;
import dev.canarybot.service.ReleaseService;
import dev.canarybot.service.StartRequest;
import dev.canarybot.service.port.TargetQuery;
import dev.canarybot.slack.AccessPolicy.Need;
import dev.canarybot.slack.AccessPolicy;
import dev.canarybot.slack.Mention;
import dev.canarybot.slack.command.CanaryUsage;
import dev.canarybot.slack.command.SlashCommand;
import dev.canarybot.slack.command.SlashCommandFormatter;
import dev.canarybot.slack.command.Subcommand;
import dev.canarybot.slack.outbound.CardPublisher;
import dev.canarybot.slack.view.CanaryCard;
import dev.canarybot.slack.view.SlackText;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Carries out a parsed {@code /canary} command after it was acknowledged: checks who asks,
 * calls the use case, posts the card, and says how it went to the person who asked.
 */
@ApplicationScoped
public class CommandRunner {
  private final ReleaseService releases;
  private final AccessPolicy access;
  private final ReleaseActions actions;
  private final CardPublisher cards;
  private final CanaryConfig config;
  private final Clock clock;

  public CommandRunner(ReleaseService releases, AccessPolicy access, ReleaseActions actions,
      CardPublisher cards, CanaryConfig config, Clock clock) {
    this.releases = releases;
    this.access = access;
    this.actions = actions;
    this.cards = cards;
    this.config = config;
    this.clock = clock;
  }

  /** Who asked, where, and how to answer them. */
  public record Asker(String userId, String channelId, Answer answer) {}

  /** Sends an ephemeral answer (text, and optionally a drawn card) to the asker. */
  public interface Answer {
    void send(String text, CanaryCard.Drawn card);
  }

  /** Runs the command; an unexpected failure is still answered, never left to a log only. */
  public void run(SlashCommand command, Asker asker) {
    try {
      execute(command, asker);
    } catch (RuntimeException e) {
      asker.answer().send(UnexpectedFailure.answer("`" + SlashCommandFormatter.format(command) + "`", e), null);
    }
  }

  private void execute(SlashCommand command, Asker asker) {
    Optional<String> refused = access.refusal(asker.userId(), need(command), asker.channelId());
    if (refused.isPresent()) {
      asker.answer().send(ReleaseActions.refusal(refused.get()), null);
      return;
    }
    String ns = namespaceOf(command);
    Optional<String> outside = releases.namespaceRefusal(ns);
    if (outside.isPresent()) {
      asker.answer().send(ReleaseActions.refusal(outside.get()), null);
      return;
    }
    if (command instanceof SlashCommand.Start c) {
      start(c, ns, asker);
    } else if (command instanceof SlashCommand.Status c) {
      if (c.name() == null) {
        list(ns, asker);
      } else {
        status(c.name(), ns, asker);
      }
    } else if (command instanceof SlashCommand.ListReleases) {
      list(ns, asker);
    } else {
      asker.answer().send(actions.run(ask(command, ns, asker)), null);
    }
  }

  private void start(SlashCommand.Start c, String ns, Asker asker) {
    ActionResult result = releases.start(new StartRequest(Mention.of(asker.userId()),
        new TargetQuery(ns, c.virtualService(), c.route(), c.stableSubset(), c.canarySubset()),
        c.steps(), c.autoRollback() && config.autoRollback(), cardChannel(asker.channelId()), c.capacity()));
    if (result instanceof ActionResult.Refused refused) {
      asker.answer().send(ReleaseActions.refusal(refused.reason()) + "\n" + CanaryUsage.usage(Subcommand.START), null);
      return;
    }
    ActionResult.Done done = (ActionResult.Done) result;
    String channel = cardChannel(asker.channelId());
    asker.answer().send(":white_check_mark: Started " + SlackText.safe(done.release().describe()) + ". "
        + SlackText.safe(done.outcome()) + ". The card is in <#" + channel + ">.", null);
  }

  private void status(String name, String ns, Asker asker) {
    Optional<CanaryRelease> release = releases.find(ns, name);
    if (release.isEmpty()) {
      asker.answer().send(":grey_question: there is no canary release " + name + " in namespace "
          + ns + ". `/canary list` shows the ones there are.", null);
      return;
    }
    asker.answer().send(CanaryCard.fallback(release.get()), cards.draw(release.get()));
  }

  private void list(String ns, Asker asker) {
    List<CanaryRelease> all = releases.list(ns);
    if (all.isEmpty()) {
      asker.answer().send("No canary releases in namespace " + ns + ". Start one with `/canary start <virtualservice>`.", null);
      return;
    }
    String lines = all.stream().map(r -> "• *" + r.name() + "* " + (100 - r.weight()) + "/"
            + r.weight() + " " + r.phase() + " — " + (r.status().last() == null ? ""
            : SlackText.safe(r.status().last().describe())))
        .collect(Collectors.joining("\n"));
    asker.answer().send("Canary releases in " + ns + " at " + TimeText.clock(clock.instant()) + ":\n" + lines, null);
  }

  /** A transition typed as a command, for the path clicks take too; -1: "as it is now". */
  private static ReleaseActions.Ask ask(SlashCommand command, String ns, Asker asker) {
    String user = asker.userId();
    String channel = asker.channelId();
    if (command instanceof SlashCommand.Promote c) {
      return new ReleaseActions.Ask(ReleaseActions.Act.PROMOTE, ns, c.name(), user, channel, -1,
          c.weight(), null, c.force(), CleanupMode.SCALE_TO_ZERO);
    }
    if (command instanceof SlashCommand.Rollback c) {
      return ReleaseActions.Ask.of(ReleaseActions.Act.ROLLBACK, ns, c.name(), user, channel, -1)
          .withReason(c.reason());
    }
    if (command instanceof SlashCommand.Pause c) {
      return ReleaseActions.Ask.of(ReleaseActions.Act.PAUSE, ns, c.name(), user, channel, -1);
    }
    if (command instanceof SlashCommand.Resume c) {
      return ReleaseActions.Ask.of(ReleaseActions.Act.RESUME, ns, c.name(), user, channel, -1);
    }
    if (command instanceof SlashCommand.Cleanup c) {
      return new ReleaseActions.Ask(ReleaseActions.Act.CLEANUP, ns, c.name(), user, channel, -1, 0,
          null, c.force(), c.mode());
    }
    throw new IllegalArgumentException("not a transition: " + command.subcommand());
  }

  /** The card goes where start was typed when that is a channel the bot may use, else to the configured one. */
  private String cardChannel(String typedIn) {
    boolean directMessage = typedIn == null || typedIn.startsWith("D");
    if (!directMessage && (config.channels().isPresent() || config.channel().isEmpty())) {
      return typedIn;
    }
    return config.channel().orElse(typedIn);
  }

  private String namespaceOf(SlashCommand command) {
    return command.namespace() == null ? config.namespace() : command.namespace();
  }

  /** What reading or starting needs; transitions are checked on the shared path. */
  static Need need(SlashCommand command) {
    return command instanceof SlashCommand.Start ? Need.OPERATE : Need.READ;
  }

}
