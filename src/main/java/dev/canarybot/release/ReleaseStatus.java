package dev.canarybot.release;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The moving part of a release.
 *
 * @param weight the canary weight the bot wants on the route
 * @param appliedWeight the canary weight the bot last saw on the route as its own doing; a
 *     route at neither {@code weight} nor {@code appliedWeight} was changed by someone else
 * @param drifted the release was paused because someone else changed the weights
 * @param cleanupMode how the old version is retired, once a cleanup was decided; else {@code null}
 * @param card the Slack card, or {@code null} before it is posted
 * @param lastVerdict the analysis' last distinct conclusion, or {@code null} before any
 */
public record ReleaseStatus(
    Phase phase,
    int stepIndex,
    int weight,
    Instant stepStartedAt,
    int appliedWeight,
    boolean drifted,
    CleanupMode cleanupMode,
    CardRef card,
    List<HistoryEntry> history,
    LastVerdict lastVerdict) {

  public ReleaseStatus {
    if (weight < 0 || weight > 100 || appliedWeight < 0 || appliedWeight > 100) {
      throw new IllegalArgumentException("weights are percentages: " + weight + ", " + appliedWeight);
    }
    history = List.copyOf(history);
  }

  /** A status the analysis has not looked at yet. */
  public ReleaseStatus(Phase phase, int stepIndex, int weight, Instant stepStartedAt,
      int appliedWeight, boolean drifted, CleanupMode cleanupMode, CardRef card,
      List<HistoryEntry> history) {
    this(phase, stepIndex, weight, stepStartedAt, appliedWeight, drifted, cleanupMode, card,
        history, null);
  }

  ReleaseStatus append(HistoryEntry entry) {
    List<HistoryEntry> longer = new ArrayList<>(history);
    longer.add(entry);
    return new ReleaseStatus(phase, stepIndex, weight, stepStartedAt, appliedWeight, drifted, cleanupMode, card, longer,
        lastVerdict);
  }

  /** The newest history entry, or {@code null} for a status without history. */
  public HistoryEntry last() {
    return history.isEmpty() ? null : history.get(history.size() - 1);
  }

  /** The newest entry made by one of the given actions, or {@code null}. */
  public HistoryEntry lastOf(String... actions) {
    for (int i = history.size() - 1; i >= 0; i--) {
      for (String action : actions) {
        if (history.get(i).action().equals(action)) {
          return history.get(i);
        }
      }
    }
    return null;
  }
}
