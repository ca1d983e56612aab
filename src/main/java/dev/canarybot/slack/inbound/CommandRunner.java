package dev.canarybot.slack.inbound;

import dev.canarybot.release.CanaryRelease;
import dev.canarybot.release.Freeze;
import dev.canarybot.release.CleanupMode;
import dev.canarybot.release.TimeText;
import dev.canarybot.service.ActionResult;
import dev.canarybot.service.CanaryConfig;
import dev.canarybot.service.FreezeService;
import dev.canarybot.service.Policies;
import dev.canarybot.service.ReleaseService;
import dev.canarybot.service.StartRequest;
import dev.canarybot.service.port.TargetQuery;
import dev.canarybot.service.port.UnreadableReleaseException;
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
  private final FreezeService freezes;
  private final Policies policies;
  private final dev.canarybot.service.ReleaseAnalyzer analyzer;

  public CommandRunner(ReleaseService releases, AccessPolicy access, ReleaseActions actions,
      CardPublisher cards, CanaryConfig config, Clock clock, FreezeService freezes,
      Policies policies, dev.canarybot.service.ReleaseAnalyzer analyzer) {
    this.freezes = freezes;
    this.policies = policies;
    this.releases = releases;
    this.access = access;
    this.actions = actions;
    this.cards = cards;
    this.config = config;
    this.clock = clock;
    this.analyzer = analyzer;
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
    if (command instanceof SlashCommand.Freeze c) {
      // No -n is every managed namespace, not the default one: stopping the line stops it all.
      answer(freezes.freeze(Mention.of(asker.userId()), c.namespace(), c.reason()), "Frozen", asker);
      return;
    }
    if (command instanceof SlashCommand.Unfreeze c) {
      answer(freezes.unfreeze(Mention.of(asker.userId()), c.namespace()), "Unfrozen", asker);
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
    } else if (command instanceof SlashCommand.Checks c) {
      checks(c.name(), ns, asker);
    } else if (command instanceof SlashCommand.Testers c) {
      testers(c, ns, asker);
    } else {
      asker.answer().send(actions.run(ask(command, ns, asker)), null);
    }
  }

  private void start(SlashCommand.Start c, String ns, Asker asker) {
    ActionResult result = releases.start(new StartRequest(Mention.of(asker.userId()),
        new TargetQuery(ns, c.virtualService(), c.route(), c.stableSubset(), c.canarySubset()),
        c.steps(), c.autoRollback() && config.autoRollback(), cardChannel(asker.channelId()), c.checks(),
        c.capacity(), c.testers()));
    if (result instanceof ActionResult.Refused refused) {
      asker.answer().send(ReleaseActions.refusal(refused.reason()) + "\n" + CanaryUsage.usage(Subcommand.START), null);
      return;
    }
    ActionResult.Done done = (ActionResult.Done) result;
    String channel = cardChannel(asker.channelId());
    asker.answer().send(":white_check_mark: Started " + SlackText.safe(done.release().describe()) + ". "
        + SlackText.safe(done.outcome()) + ". The card is in <#" + channel + ">." + checks(done), null);
  }

  private void testers(SlashCommand.Testers c, String ns, Asker asker) {
    ActionResult result = releases.testers(ns, c.name(), Mention.of(asker.userId()), c.match());
    if (result instanceof ActionResult.Refused refused) {
      asker.answer().send(ReleaseActions.refusal(refused.reason()) + "\n" + CanaryUsage.usage(Subcommand.TESTERS), null);
      return;
    }
    ActionResult.Done done = (ActionResult.Done) result;
    String when = done.release().phase() == dev.canarybot.release.Phase.Paused
        ? " The route follows when " + c.name() + " resumes." : "";
    asker.answer().send(":white_check_mark: " + SlackText.safe(done.entry().reason()) + ". "
        + SlackText.safe(done.outcome()) + "." + when, null);
  }

  /** The preflight's findings, one line each; read from the cluster, so escaped. */
  private static String checks(ActionResult.Done done) {
    return done.preflight().lines().stream().map(line -> "\n• " + SlackText.safe(line))
        .collect(Collectors.joining("", done.preflight().lines().isEmpty() ? "" : "\nChecked before the start:", ""));
  }

  private static void answer(FreezeService.Outcome outcome, String done, Asker asker) {
    if (outcome.refused()) {
      asker.answer().send(ReleaseActions.refusal(outcome.refusal()), null);
      return;
    }
    String verb = "Frozen".equals(done) ? "paused" : "resumed";
    asker.answer().send(":white_check_mark: " + done + " " + SlackText.safe(outcome.freeze().scope())
        + ". " + (outcome.changed().isEmpty() ? "No release was " + verb
            : "The " + verb + " releases: " + SlackText.safe(String.join(", ", outcome.changed())))
        + (outcome.failed().isEmpty() ? "" : ". Not " + verb + ": "
            + SlackText.safe(String.join("; ", outcome.failed()))) + ".", null);
  }

  /** "🧊 frozen by @alice at 10:02 UTC: …" lines for status and list, or nothing. */
  private String freezeLines(String ns) {
    List<Freeze> active;
    try {
      active = policies.freezes().active();
    } catch (RuntimeException e) {
      return ":warning: whether releases are frozen cannot be read: " + SlackText.safe(e.getMessage()) + "\n";
    }
    return active.stream().filter(f -> f.covers(ns))
        .map(f -> ":ice_cube: " + SlackText.safe(f.refusal()) + "\n").collect(Collectors.joining());
  }

  private void status(String name, String ns, Asker asker) {
    Optional<CanaryRelease> release;
    try {
      release = releases.find(ns, name);
    } catch (UnreadableReleaseException e) {
      // A hand-edited release is shown as what is wrong with it, not as a failure of the bot.
      asker.answer().send(ReleaseActions.refusal(ReleaseService.unreadableReason(ns, name, e)), null);
      return;
    }
    if (release.isEmpty()) {
      asker.answer().send(":grey_question: there is no canary release " + name + " in namespace "
          + ns + ". `/canary list` shows the ones there are.", null);
      return;
    }
    asker.answer().send(freezeLines(ns) + CanaryCard.fallback(release.get()), cards.draw(release.get()));
  }

  /** A fresh analysis of the one release, so any replica answers with current numbers. */
  private void checks(String name, String ns, Asker asker) {
    Optional<CanaryRelease> release = releases.find(ns, name);
    if (release.isEmpty()) {
      asker.answer().send(":grey_question: there is no canary release " + name + " in namespace "
          + ns + ". `/canary list` shows the ones there are.", null);
      return;
    }
    asker.answer().send(dev.canarybot.slack.view.CheckText.table(release.get(),
        analyzer.analyze(release.get()).checks()), null);
  }

  private void list(String ns, Asker asker) {
    List<CanaryRelease> all = releases.list(ns);
    if (all.isEmpty()) {
      asker.answer().send(freezeLines(ns) + "No canary releases in namespace " + ns + ". Start one with `/canary start <virtualservice>`.", null);
      return;
    }
    String lines = all.stream().map(r -> "• *" + r.name() + "* " + (100 - r.weight()) + "/"
            + r.weight() + " " + r.phase() + " — " + (r.status().last() == null ? ""
            : SlackText.safe(r.status().last().describe())))
        .collect(Collectors.joining("\n"));
    asker.answer().send(freezeLines(ns) + "Canary releases in " + ns + " at " + TimeText.clock(clock.instant()) + ":\n" + lines, null);
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
    if (command instanceof SlashCommand.Unfreeze) {
      return Need.APPROVE;
    }
    // Whoever may roll back may stop the line.
    return command instanceof SlashCommand.Start || command instanceof SlashCommand.Freeze
        || command instanceof SlashCommand.Testers ? Need.OPERATE : Need.READ;
  }

}
