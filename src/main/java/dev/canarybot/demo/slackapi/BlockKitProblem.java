package dev.canarybot.demo.slackapi;

import java.util.List;

/**
 * Where a Block Kit payload breaks one of Slack's rules, and how: {@code path} holds field names
 * and array indexes from the payload's root ("blocks", 3, "fields", 1, "text").
 */
public record BlockKitProblem(List<Object> path, String what) {

  public BlockKitProblem {
    path = List.copyOf(path);
  }

  /** "blocks[3].fields[1].text". */
  public String where() {
    StringBuilder where = new StringBuilder();
    for (Object part : path) {
      if (part instanceof Integer index) {
        where.append('[').append(index).append(']');
      } else {
        where.append(where.length() == 0 ? "" : ".").append(part);
      }
    }
    return where.toString();
  }

  /** "/blocks/3/fields/1/text": the JSON pointer Slack puts in its error details. */
  public String pointer() {
    StringBuilder pointer = new StringBuilder();
    path.forEach(part -> pointer.append('/').append(part));
    return pointer.toString();
  }

  /** "blocks[3].fields[1].text: 2100 characters, limit 2000". */
  @Override
  public String toString() {
    return where() + ": " + what;
  }
}
