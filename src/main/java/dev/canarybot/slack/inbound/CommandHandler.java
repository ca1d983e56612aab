package dev.canarybot.slack.inbound;

import com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload;
import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.response.Response;
import dev.canarybot.slack.command.CanaryCommandParser;
import dev.canarybot.slack.command.CanaryUsage;
import dev.canarybot.slack.command.ParseResult;
import dev.canarybot.slack.command.SlashCommand;
import dev.canarybot.slack.command.SlashCommandFormatter;
import dev.canarybot.slack.command.UsageError;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * {@code /canary}: parsing and usage errors are answered in the acknowledgement itself (pure
 * and fast); everything that reads or writes the cluster runs after the ack.
 */
@ApplicationScoped
public class CommandHandler {
  private final CommandRunner runner;
  private final SlackWork work;
  private final Replies replies;

  public CommandHandler(CommandRunner runner, SlackWork work, Replies replies) {
    this.runner = runner;
    this.work = work;
    this.replies = replies;
  }

  public Response handle(SlashCommandRequest request, SlashCommandContext ctx) {
    SlashCommandPayload payload = request.getPayload();
    ParseResult parsed = CanaryCommandParser.parse(payload.getText());
    if (parsed instanceof UsageError error) {
      return ctx.ack(r -> r.responseType("ephemeral").text(":warning: " + error.message()));
    }
    SlashCommand command = (SlashCommand) parsed;
    if (command instanceof SlashCommand.Help help) {
      String text = help.topic() == null ? CanaryUsage.help() : CanaryUsage.usage(help.topic());
      return ctx.ack(r -> r.responseType("ephemeral").text(text));
    }
    CommandRunner.Asker asker = new CommandRunner.Asker(payload.getUserId(), payload.getChannelId(),
        (text, card) -> replies.toCommand(payload.getResponseUrl(), payload.getChannelId(),
            payload.getUserId(), text, card == null ? null : card.blocks()));
    work.run("/canary " + command.subcommand(), () -> runner.run(command, asker));
    return ctx.ack(r -> r.responseType("ephemeral").text(":hourglass_flowing_sand: "
        + SlashCommandFormatter.format(command) + " …"));
  }
}
