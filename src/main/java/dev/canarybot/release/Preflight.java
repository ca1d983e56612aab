package dev.canarybot.release;

import java.util.List;

/**
 * What the checks before a start found, one finding per line of the reply. Any refusal stops
 * the start before anything is written; warnings are shown and the start goes on.
 */
public record Preflight(List<Finding> findings) {

  public enum Level { OK, WARN, REFUSE }

  /** One check's answer, in words for the person who typed {@code start}. */
  public record Finding(Level level, String text) {

    /** "refused: …", "warning: …" or "ok: …": the line a reply shows. */
    public String line() {
      String mark = switch (level) {
        case REFUSE -> "refused";
        case WARN -> "warning";
        case OK -> "ok";
      };
      return mark + ": " + text;
    }
  }

  public Preflight {
    findings = List.copyOf(findings);
  }

  /** No checks ran (a transition other than a start). */
  public static Preflight none() {
    return new Preflight(List.of());
  }

  public boolean refused() {
    return findings.stream().anyMatch(f -> f.level() == Level.REFUSE);
  }

  /** Every finding as a line, in the order the checks ran. */
  public List<String> lines() {
    return findings.stream().map(Finding::line).toList();
  }
}
