package dev.canarybot.store;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;
import java.util.ArrayList;
import java.util.List;

/** The stored status of a CanaryRelease; times are RFC 3339 strings, as Kubernetes writes them. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class CanaryReleaseStatusDto {
  @Pattern("^(Progressing|Paused|Promoted|Completed|CleanedUp|RolledBack|Failed)$")
  public String phase;
  public int stepIndex;
  /** The canary weight the bot wants on the route, in percent. */
  @Min(0)
  @Max(100)
  public int weight;
  @Size(max = 64)
  public String stepStartedAt;
  /** The canary weight the bot last put on the route itself. */
  @Min(0)
  @Max(100)
  public int appliedWeight;
  public boolean drifted;
  /** How the old version is retired (ScaleToZero or Delete), once a cleanup was decided. */
  @Pattern("^(ScaleToZero|Delete)$")
  public String cleanupMode;
  /** Absent until the Slack card is posted. */
  public CardDto card;
  /** Why the bot cannot read this release, once it marked it Failed for that; never acted on. */
  @Size(max = 2000)
  public String unreadable;
  /** The analysis' last distinct conclusion; absent before the first analysis. */
  public VerdictDto lastVerdict;
  /** The canary's replicas as the bot drives them; absent when it does not. */
  public CapacityDto capacity;
  /** Reminders and the step deadline as told; absent before any. */
  public NudgeDto nudge;
  /** The routes canary-bot added to the VirtualService and has not removed yet. */
  @Size(max = 8)
  public List<AddedRouteDto> addedRoutes;
  /** Append-only: the newest transitions of the release (at most 100), oldest first. */
  @Size(max = 100)
  public List<HistoryEntryDto> history = new ArrayList<>();
  /** How many older transitions were dropped from the history to keep the object small. */
  @Min(0)
  public int olderEntries;
}
