package dev.canarybot.slack.command;

import java.util.Locale;
import java.util.Optional;

/** The words that may follow {@code /canary}. */
public enum Subcommand {
  HELP, START, STATUS, LIST, PROMOTE, ROLLBACK, PAUSE, RESUME, CLEANUP, FREEZE, UNFREEZE, CHECKS, TESTERS;

  /** The word as typed in Slack, e.g. "promote". */
  public String word() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Case-insensitive, because phones capitalize the first word of a message. */
  public static Optional<Subcommand> of(String word) {
    for (Subcommand subcommand : values()) {
      if (subcommand.word().equalsIgnoreCase(word)) {
        return Optional.of(subcommand);
      }
    }
    return Optional.empty();
  }
}
