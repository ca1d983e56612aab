package dev.canarybot.slack.command;

/** What {@link CanaryCommandParser} makes of a {@code /canary} text: a command, or a usage error. */
public sealed interface ParseResult permits SlashCommand, UsageError {
}
