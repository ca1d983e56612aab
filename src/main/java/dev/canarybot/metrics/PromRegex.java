package dev.canarybot.metrics;

import java.util.Collection;
import java.util.stream.Collectors;

/**
 * Values inside PromQL double-quoted strings. Two escapes, in this order: a literal becomes a
 * regex that matches only itself, then the regex (or a plain value) becomes the content of a
 * string literal, where {@code \} and {@code "} must be escaped. Names reach here from the
 * cluster, so a quote or backslash in one must never end the string or change the query.
 */
final class PromRegex {
  private static final String SPECIAL = "\\.+*?()|[]{}^$";

  private PromRegex() {}

  /** Matches exactly one of the given strings (PromQL anchors regexes at both ends). */
  static String anyOf(Collection<String> literals) {
    return string(literals.stream().map(PromRegex::regex).collect(Collectors.joining("|")));
  }

  /**
   * Pods of the given Deployments: {@code <deployment>-<replicaset hash>-<suffix>}. Exactly two
   * segments after the name, so Deployment {@code api} does not claim the pods of {@code api-v1}.
   */
  static String podsOf(Collection<String> deployments) {
    String names = deployments.stream().map(PromRegex::regex).collect(Collectors.joining("|"));
    return string("(" + names + ")-[a-z0-9]+-[a-z0-9]+");
  }

  /** A regex that matches {@code literal} only. */
  static String regex(String literal) {
    StringBuilder out = new StringBuilder();
    for (char c : literal.toCharArray()) {
      if (SPECIAL.indexOf(c) >= 0) {
        out.append('\\');
      }
      out.append(c);
    }
    return out.toString();
  }

  /** The content of a PromQL double-quoted string that reads as {@code value}. */
  static String string(String value) {
    StringBuilder out = new StringBuilder();
    for (char c : value.toCharArray()) {
      switch (c) {
        case '\\' -> out.append("\\\\");
        case '"' -> out.append("\\\"");
        case '\n' -> out.append("\\n");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
