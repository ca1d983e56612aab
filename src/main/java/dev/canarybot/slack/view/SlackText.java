package dev.canarybot.slack.view;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Text as Slack takes it. Block Kit refuses a message whose texts are longer than their limits
 * (and shows nothing), so every drawn text is cut to fit; and mrkdwn turns {@code <!here>},
 * {@code <!channel>} and {@code <https://x|label>} into mentions and disguised links, so text
 * that a person typed or that was read from the cluster is escaped before it is shown.
 */
public final class SlackText {
  /** The one control sequence the bot writes into domain text itself: a user, as {@code <@U123>}. */
  private static final Pattern USER = Pattern.compile("&lt;@([UW][A-Z0-9]{2,20})&gt;");

  private SlackText() {}

  /** {@code text} cut to {@code max} characters, with an ellipsis when it was longer. */
  public static String limit(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max - 1) + "…";
  }

  /** Escapes {@code &}, {@code <} and {@code >}, so nothing in {@code text} is a control sequence. */
  public static String escape(String text) {
    if (text == null) {
      return "";
    }
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  /**
   * Domain text (reasons, refusals, what happened) for mrkdwn: everything escaped except user
   * mentions, which the bot writes for every actor ({@code <@U123>} renders as the person's
   * name). A user mention a person typed stays one, as it would in any message they post; the
   * channel-wide mentions, user-group mentions and links are escaped.
   */
  public static String safe(String text) {
    Matcher m = USER.matcher(escape(text));
    return m.replaceAll("<@$1>");
  }
}
