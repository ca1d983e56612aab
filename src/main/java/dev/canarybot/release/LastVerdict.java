package dev.canarybot.release;

import java.time.Instant;

/**
 * The analysis' last conclusion that differed from the one before, kept on the release so a
 * new leader knows which alert episode is open and does not repeat it.
 *
 * @param kind Healthy, Watch, Breach, Inconclusive or Unavailable
 */
public record LastVerdict(String kind, String summary, Instant at) {}
