package dev.canarybot.analysis;

import java.time.Duration;
import java.util.OptionalDouble;

/**
 * The canary's requests and 5xx over the last moments of the step
 * ({@code canary.analysis.recent-window}), beside the step's window. A fault that starts after
 * minutes of healthy traffic is diluted in a five-minute window (at 5 % errors it takes a
 * minute of fault before the window's rate reaches a 1 % trigger); over the last minute it
 * shows at full strength, so the rollback trigger also reads this. Empty values are no data,
 * never zero.
 */
public record RecentErrors(Duration window, OptionalDouble requests, OptionalDouble errors) {}
