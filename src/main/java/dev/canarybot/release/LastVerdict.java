package dev.canarybot.release;

import java.time.Instant;

/**
 * The analysis' last conclusion that differed from the one before, kept on the release so a
 * new leader knows which alert episode is open and does not repeat it.
 *
 * @param summary one plain-text line ("Breach: v2 5xx rate ..."), no markup, as kubectl shows it
 */
public record LastVerdict(VerdictKind kind, String summary, Instant at) {}
