package dev.canarybot.slack.command;

/**
 * Undoes what Slack and keyboards do to typed commands: HTML escapes, non-breaking and other
 * Unicode spaces, zero-width characters, smart quotes and Unicode hyphens. Dashes at the start
 * of a word ("—steps") are handled by {@link CommandTokenizer}, which knows what a word is.
 */
final class CommandText {

  private CommandText() {
  }

  static String normalize(String text) {
    if (text == null) {
      return "";
    }
    // Slack escapes exactly these three in slash command text; &amp; last so "&amp;lt;" stays "&lt;".
    String unescaped = text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    StringBuilder out = new StringBuilder(unescaped.length());
    for (int i = 0; i < unescaped.length(); i++) {
      char c = unescaped.charAt(i);
      if (isInvisible(c)) {
        continue;
      }
      if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
        out.append(' ');
      } else if (c == '\u201C' || c == '\u201D' || c == '\u201E' || c == '\u201F'
          || c == '\u00AB' || c == '\u00BB' || c == '\u2033') {
        out.append('"');
      } else if (c == '\u2018' || c == '\u2019' || c == '\u201A' || c == '\u201B'
          || c == '\u2032') {
        out.append('\'');
      } else if (c == '\u2010' || c == '\u2011') {
        // Hyphens some keyboards put inside words such as "api‐vs".
        out.append('-');
      } else {
        out.append(c);
      }
    }
    return out.toString().trim();
  }

  private static boolean isInvisible(char c) {
    return c == '\u200B' || c == '\u200C' || c == '\u200D' || c == '\u2060' || c == '\uFEFF'
        || c == '\u00AD';
  }
}
