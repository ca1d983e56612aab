package dev.canarybot.slack.command;

/**
 * Thrown inside the parser when the text is wrong; {@link CanaryCommandParser#parse} turns it
 * into a {@link UsageError}, so it never leaves the parser.
 */
final class UsageProblem extends RuntimeException {

  private static final int SHOWN_LENGTH = 40;

  UsageProblem(String problem) {
    super(problem, null, false, false);
  }

  /**
   * A typed word as an inline code span: shortened, because the text is echoed back to the
   * channel, and without backticks, which would end the span early.
   */
  static String shown(String word) {
    String clean = word.replace('`', '\'');
    if (clean.length() > SHOWN_LENGTH) {
      clean = clean.substring(0, SHOWN_LENGTH) + "…";
    }
    return "`" + clean + "`";
  }
}
