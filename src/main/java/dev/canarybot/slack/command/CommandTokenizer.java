package dev.canarybot.slack.command;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits normalized command text into words. Double quotes group words ("disk full on v2",
 * {@code --steps="10, 50, 100"}), so a reason may hold spaces or start with a dash.
 */
final class CommandTokenizer {

  private CommandTokenizer() {
  }

  static List<Token> tokenize(String text) {
    List<Token> tokens = new ArrayList<>();
    int i = 0;
    while (i < text.length()) {
      if (text.charAt(i) == ' ') {
        i++;
        continue;
      }
      boolean quoted = text.charAt(i) == '"';
      StringBuilder word = new StringBuilder();
      boolean inQuotes = false;
      while (i < text.length() && (inQuotes || text.charAt(i) != ' ')) {
        char c = text.charAt(i);
        if (c == '"') {
          inQuotes = !inQuotes;
        } else {
          word.append(c);
        }
        i++;
      }
      if (inQuotes) {
        throw new UsageProblem("A quote (\") is not closed.");
      }
      String value = quoted ? word.toString() : fixLeadingDashes(word.toString());
      tokens.add(new Token(value, quoted));
    }
    return tokens;
  }

  /**
   * Macs and phones turn a typed "--" into an en or em dash ("—steps"): read a leading run of
   * dashes that holds any such dash as "-" before one letter and "--" before a longer word.
   */
  static String fixLeadingDashes(String word) {
    int end = 0;
    boolean typographic = false;
    while (end < word.length() && isDash(word.charAt(end))) {
      typographic |= word.charAt(end) != '-';
      end++;
    }
    if (!typographic) {
      return word;
    }
    String rest = word.substring(end);
    int restLength = rest.indexOf('=') >= 0 ? rest.indexOf('=') : rest.length();
    return (restLength == 1 ? "-" : "--") + rest;
  }

  private static boolean isDash(char c) {
    return c == '-' || c == '\u2012' || c == '\u2013' || c == '\u2014' || c == '\u2015'
        || c == '\u2212' || c == '\uFE58' || c == '\uFE63' || c == '\uFF0D';
  }
}
