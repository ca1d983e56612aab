package dev.canarybot.slack.command;

import java.util.Optional;

/** The options of {@code /canary}; which subcommand takes which is said by the parser. */
enum Option {
  NAMESPACE("--namespace", "-n", "namespace"),
  STEPS("--steps", null, "10,50,100"),
  STABLE("--stable", null, "subset"),
  CANARY("--canary", null, "subset"),
  ROUTE("--route", null, "name"),
  /** Repeatable, or a comma list: the configured checks the release is judged by. */
  CHECK("--check", null, "name"),
  NO_AUTO_ROLLBACK("--no-auto-rollback", null, null),
  CAPACITY("--capacity", null, "off"),
  /** The header that sends testers to the canary at any weight. */
  TESTERS("--testers", null, "x-canary=always"),
  FORCE("--force", null, null),
  DELETE("--delete", null, null);

  final String longName;
  final String shortName;
  /** What the value looks like in an error message; null for a switch that takes no value. */
  final String valueHint;

  Option(String longName, String shortName, String valueHint) {
    this.longName = longName;
    this.shortName = shortName;
    this.valueHint = valueHint;
  }

  boolean takesValue() {
    return valueHint != null;
  }

  static Optional<Option> named(String name) {
    for (Option option : values()) {
      if (option.longName.equals(name) || name.equals(option.shortName)) {
        return Optional.of(option);
      }
    }
    return Optional.empty();
  }
}
