package dev.canarybot.slack.inbound;

import dev.canarybot.release.CanaryRelease;
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
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Carries out a parsed {@code /canary} command after it was acknowledged: checks who asks,
 * calls the use case, posts the card, and says how it went to the person who asked.
 */
@ApplicationScoped
public class CommandRunner {
  private static final Logger LOG = Logger.getLogger(CommandRunner.class);
  private final ReleaseService releases;
  private final AccessPolicy access;
  private final CardPublisher cards;
  private final CanaryConfig config;
  private final Clock clock;

  public CommandRunner(ReleaseService releases, AccessPolicy access, CardPublisher cards,
      CanaryConfig config, Clock clock) {
    this.releases = releases;
    this.access = access;
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
      LOG.errorf(e, "/canary %s failed", command.subcommand());
      asker.answer().send(":x: canary-bot could not finish `" + SlashCommandFormatter.format(command)
          + "`: " + e.getMessage() + ". What was already stored stays; the resync carries it on. "
          + "Try again, or look at `kubectl get crel`.", null);
    }
  }

  private void execute(SlashCommand command, Asker asker) {
    Optional<String> refused = access.refusal(asker.userId(), need(command), asker.channelId());
    if (refused.isPresent()) {
      asker.answer().send(":no_entry: " + refused.get(), null);
      return;
    }
    String ns = namespaceOf(command);
    Optional<String> outside = releases.namespaceRefusal(ns);
    if (outside.isPresent()) {
      asker.answer().send(":no_entry: " + outside.get(), null);
      return;
    }
    String actor = Mention.of(asker.userId());
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
    } else if (command instanceof SlashCommand.Promote c) {
      Optional<CanaryRelease> current = releases.find(ns, c.name());
      int to = c.weight() > 0 ? c.weight() : current.map(CanaryRelease::nextWeight).orElse(0);
      Optional<String> fourEyes = current.flatMap(r -> access.secondApproverRefusal(r, asker.userId(), to));
      if (fourEyes.isPresent()) {
        asker.answer().send(":no_entry: " + fourEyes.get(), null);
        return;
      }
      report(releases.promote(ns, c.name(), actor, c.weight(), -1, null, c.force()), asker);
    } else if (command instanceof SlashCommand.Rollback c) {
      report(releases.rollback(ns, c.name(), actor, c.reason(), -1), asker);
    } else if (command instanceof SlashCommand.Pause c) {
      report(releases.pause(ns, c.name(), actor, null), asker);
    } else if (command instanceof SlashCommand.Resume c) {
      report(releases.resume(ns, c.name(), actor), asker);
    } else if (command instanceof SlashCommand.Cleanup c) {
      report(releases.cleanup(ns, c.name(), actor, c.mode(), c.force()), asker);
    }
  }

  private void start(SlashCommand.Start c, String ns, Asker asker) {
    ActionResult result = releases.start(new StartRequest(Mention.of(asker.userId()),
        new TargetQuery(ns, c.virtualService(), c.route(), c.stableSubset(), c.canarySubset()),
        c.steps(), c.autoRollback() && config.autoRollback(), cardChannel(asker.channelId())));
    if (result instanceof ActionResult.Refused refused) {
      asker.answer().send(":no_entry: " + refused.reason() + "\n" + CanaryUsage.usage(Subcommand.START), null);
      return;
    }
    ActionResult.Done done = (ActionResult.Done) result;
    String channel = cardChannel(asker.channelId());
    asker.answer().send(":white_check_mark: Started " + done.release().describe() + ". "
        + done.outcome() + ". The card is in <#" + channel + ">.", null);
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
            : r.status().last().describe()))
        .collect(Collectors.joining("\n"));
    asker.answer().send("Canary releases in " + ns + " at " + TimeText.clock(clock.instant()) + ":\n" + lines, null);
  }

  private void report(ActionResult result, Asker asker) {
    if (result instanceof ActionResult.Refused refused) {
      asker.answer().send(":no_entry: " + refused.reason(), null);
      return;
    }
    ActionResult.Done done = (ActionResult.Done) result;
    asker.answer().send(":white_check_mark: " + done.release().name() + ": " + done.entry().reason()
        + (done.outcome().isBlank() ? "" : ". " + done.outcome()), null);
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

  static Need need(SlashCommand command) {
    if (command instanceof SlashCommand.Promote || command instanceof SlashCommand.Cleanup) {
      return Need.APPROVE;
    }
    if (command instanceof SlashCommand.Start || command instanceof SlashCommand.Rollback
        || command instanceof SlashCommand.Pause || command instanceof SlashCommand.Resume) {
      return Need.OPERATE;
    }
    return Need.READ;
  }
}
