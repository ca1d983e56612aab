package dev.canarybot.release;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One custom check of a release: a PromQL template evaluated for canary and stable each tick,
 * with bounds on the canary's value (or on canary ÷ stable). Kept as written, even when invalid,
 * so the release can say what is wrong with it instead of dropping it.
 *
 * @param min lower bound on the judged value, or empty
 * @param max upper bound on the judged value, or empty
 * @param relativeToStable when true the bounds apply to canary ÷ stable
 */
public record CheckSpec(String name, String query, OptionalDouble min, OptionalDouble max,
    boolean relativeToStable, OnBreach onBreach) {

  /** What a breached check does: roll back, alert, or only block promotion. */
  public enum OnBreach {
    rollback, watch, gate;

    /** The named action, or null for a name that is none of them. */
    public static OnBreach parse(String text) {
      if (text == null || text.isBlank()) {
        return gate;
      }
      for (OnBreach b : values()) {
        if (b.name().equalsIgnoreCase(text.trim())) {
          return b;
        }
      }
      return null;
    }
  }

  /** The placeholders a query may use. */
  public static final List<String> PLACEHOLDERS = List.of("namespace", "service", "version", "workload", "window");

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([^}]*?)\\s*}}");
  private static final int MAX_QUERY = 4000;

  public CheckSpec {
    Objects.requireNonNull(name, "name");
    query = query == null ? "" : query;
    min = min == null ? OptionalDouble.empty() : min;
    max = max == null ? OptionalDouble.empty() : max;
    onBreach = onBreach == null ? OnBreach.gate : onBreach;
  }

  /** Null when the check can be run, else why not, in words a person can act on. */
  public String problem() {
    if (!Names.isLabel(name)) {
      return "check name " + shown(name) + " is not a DNS-1123 label (lowercase letters, digits and -, at most 63)";
    }
    if (query.isBlank()) {
      return "check " + name + " has no query";
    }
    if (query.length() > MAX_QUERY) {
      return "check " + name + "'s query is longer than " + MAX_QUERY + " characters";
    }
    List<String> unknown = unknownPlaceholders();
    if (!unknown.isEmpty()) {
      return "check " + name + " uses unknown placeholder " + String.join(", ", unknown)
          + "; known: {{" + String.join("}}, {{", PLACEHOLDERS) + "}}";
    }
    if (min.isEmpty() && max.isEmpty()) {
      return "check " + name + " has neither min nor max; give at least one";
    }
    if (min.isPresent() && max.isPresent() && min.getAsDouble() > max.getAsDouble()) {
      return "check " + name + " has min " + min.getAsDouble() + " above max " + max.getAsDouble();
    }
    return null;
  }

  private List<String> unknownPlaceholders() {
    List<String> unknown = new ArrayList<>();
    Matcher m = PLACEHOLDER.matcher(query);
    while (m.find()) {
      if (!PLACEHOLDERS.contains(m.group(1)) && !unknown.contains("{{" + m.group(1) + "}}")) {
        unknown.add("{{" + m.group(1) + "}}");
      }
    }
    return unknown;
  }

  /** The query with each {@code {{name}}} replaced by {@code values.apply(name)}. */
  public String render(java.util.function.UnaryOperator<String> values) {
    Matcher m = PLACEHOLDER.matcher(query);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(out, Matcher.quoteReplacement(values.apply(m.group(1))));
    }
    m.appendTail(out);
    return out.toString();
  }

  private static String shown(String s) {
    return s == null ? "(none)" : "\"" + (s.length() > 70 ? s.substring(0, 70) + "…" : s) + "\"";
  }
}
