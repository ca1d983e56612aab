package dev.canarybot.metrics;

import java.util.Collection;
import java.util.stream.Collectors;

/** Regexes inside PromQL double-quoted strings, where a backslash must itself be escaped. */
final class PromRegex {
  private static final String SPECIAL = "\\.+*?()|[]{}^$";

  private PromRegex() {}

  /** Matches exactly one of the given strings (PromQL anchors regexes at both ends). */
  static String anyOf(Collection<String> literals) {
    return literals.stream().map(PromRegex::quote).collect(Collectors.joining("|"));
  }

  /**
   * Pods of the given Deployments: {@code <deployment>-<replicaset hash>-<suffix>}. Exactly two
   * segments after the name, so Deployment {@code api} does not claim the pods of {@code api-v1}.
   */
  static String podsOf(Collection<String> deployments) {
    return "(" + anyOf(deployments) + ")-[a-z0-9]+-[a-z0-9]+";
  }

  static String quote(String literal) {
    StringBuilder out = new StringBuilder();
    for (char c : literal.toCharArray()) {
      if (SPECIAL.indexOf(c) >= 0) {
        out.append("\\\\");
      }
      out.append(c);
    }
    return out.toString();
  }
}
