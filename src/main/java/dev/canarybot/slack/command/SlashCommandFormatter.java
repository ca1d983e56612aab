package dev.canarybot.slack.command;

import dev.canarybot.release.CleanupMode;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Writes a command back as the canonical text after {@code /canary}, for echoing what was run
 * ("promote api-vs 50 -n shop"). Parsing the text gives the same command back, except that
 * double quotes in a rollback reason become single quotes, which the grammar cannot carry.
 */
public final class SlashCommandFormatter {

  private SlashCommandFormatter() {
  }

  public static String format(SlashCommand command) {
    List<String> words = new ArrayList<>();
    words.add(command.subcommand().word());
    if (command instanceof SlashCommand.Help) {
      SlashCommand.Help help = (SlashCommand.Help) command;
      if (help.topic() != null) {
        words.add(help.topic().word());
      }
    } else if (command instanceof SlashCommand.Start) {
      SlashCommand.Start start = (SlashCommand.Start) command;
      words.add(start.virtualService());
      if (start.steps() != null) {
        words.add("--steps");
        words.add(start.steps().stream().map(String::valueOf).collect(Collectors.joining(",")));
      }
      option(words, "--stable", start.stableSubset());
      option(words, "--canary", start.canarySubset());
      option(words, "--route", quoted(start.route()));
      if (!start.autoRollback()) {
        words.add("--no-auto-rollback");
      }
      for (String check : start.checks()) {
        words.add("--check");
        words.add(check);
      }
      option(words, "--capacity", start.capacity() == null ? null : start.capacity().word());
      option(words, "--testers", start.testers() == null ? null : start.testers().describe());
      option(words, "-n", start.namespace());
    } else if (command instanceof SlashCommand.Status) {
      SlashCommand.Status status = (SlashCommand.Status) command;
      if (status.name() != null) {
        words.add(status.name());
      }
      option(words, "-n", status.namespace());
    } else if (command instanceof SlashCommand.ListReleases) {
      option(words, "-n", ((SlashCommand.ListReleases) command).namespace());
    } else if (command instanceof SlashCommand.Promote) {
      SlashCommand.Promote promote = (SlashCommand.Promote) command;
      words.add(promote.name());
      if (promote.weight() != 0) {
        words.add(String.valueOf(promote.weight()));
      }
      if (promote.force()) {
        words.add("--force");
      }
      option(words, "-n", promote.namespace());
    } else if (command instanceof SlashCommand.Rollback) {
      SlashCommand.Rollback rollback = (SlashCommand.Rollback) command;
      words.add(rollback.name());
      if (rollback.reason() != null) {
        words.add(quoted(rollback.reason()));
      }
      option(words, "-n", rollback.namespace());
    } else if (command instanceof SlashCommand.Pause) {
      SlashCommand.Pause pause = (SlashCommand.Pause) command;
      words.add(pause.name());
      option(words, "-n", pause.namespace());
    } else if (command instanceof SlashCommand.Resume) {
      SlashCommand.Resume resume = (SlashCommand.Resume) command;
      words.add(resume.name());
      option(words, "-n", resume.namespace());
    } else if (command instanceof SlashCommand.Checks checks) {
      words.add(checks.name());
      option(words, "-n", checks.namespace());
    } else if (command instanceof SlashCommand.Testers testers) {
      words.add(testers.name());
      words.add(testers.match() == null ? "remove" : "add");
      if (testers.match() != null) {
        words.add(testers.match().describe());
      }
      option(words, "-n", testers.namespace());
    } else if (command instanceof SlashCommand.Cleanup) {
      SlashCommand.Cleanup cleanup = (SlashCommand.Cleanup) command;
      words.add(cleanup.name());
      if (cleanup.mode() == CleanupMode.DELETE) {
        words.add("--delete");
      }
      if (cleanup.force()) {
        words.add("--force");
      }
      option(words, "-n", cleanup.namespace());
    } else if (command instanceof SlashCommand.Freeze freeze) {
      if (freeze.reason() != null) {
        words.add(quoted(freeze.reason()));
      }
      option(words, "-n", freeze.namespace());
    } else if (command instanceof SlashCommand.Unfreeze unfreeze) {
      option(words, "-n", unfreeze.namespace());
    }
    return String.join(" ", words);
  }

  private static void option(List<String> words, String name, String value) {
    if (value != null) {
      words.add(name);
      words.add(value);
    }
  }

  /** Quoted so spaces and leading dashes stay part of the value. */
  private static String quoted(String text) {
    return text == null ? null : "\"" + text.replace('"', '\'') + "\"";
  }
}
