package dev.canarybot.release;

import java.time.Instant;

/**
 * The analysis' last conclusion that differed from the one before, kept on the release so a
 * new leader knows which alert episode is open and does not repeat it.
 *
 * @param summary one plain-text line ("Breach: v2 5xx rate ..."), no markup, as kubectl shows it
 * @param page the open alert episode's one top-level message, edited as the episode goes on,
 *     or {@code null} when no episode is open (or its page was never delivered)
 */
public record LastVerdict(VerdictKind kind, String summary, Instant at, CardRef page) {

  /** A conclusion with no alert page. */
  public LastVerdict(VerdictKind kind, String summary, Instant at) {
    this(kind, summary, at, null);
  }
}
