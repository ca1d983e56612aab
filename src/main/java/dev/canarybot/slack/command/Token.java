package dev.canarybot.slack.command;

/** A word of a command. A word that began with a quote is never read as an option. */
record Token(String text, boolean quoted) {

  /** "-n", "--steps", "--steps=…": a dash followed by a letter or another dash. */
  boolean isOption() {
    return !quoted && text.length() >= 2 && text.charAt(0) == '-'
        && (text.charAt(1) == '-' || Character.isLetter(text.charAt(1)));
  }
}
