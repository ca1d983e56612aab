package dev.canarybot.store;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.List;

/** The stored status of a CanaryRelease; times are RFC 3339 strings, as Kubernetes writes them. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class CanaryReleaseStatusDto {
  public String phase;
  public int stepIndex;
  /** The canary weight the bot wants on the route, in percent. */
  public int weight;
  public String stepStartedAt;
  /** The canary weight the bot last put on the route itself. */
  public int appliedWeight;
  public boolean drifted;
  /** How the old version is retired (ScaleToZero or Delete), once a cleanup was decided. */
  public String cleanupMode;
  /** Absent until the Slack card is posted. */
  public CardDto card;
  /** The analysis' last distinct conclusion; absent before the first analysis. */
  public VerdictDto lastVerdict;
  /** Append-only: every transition of the release, oldest first. */
  public List<HistoryEntryDto> history = new ArrayList<>();
}
