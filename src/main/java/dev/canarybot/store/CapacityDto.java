package dev.canarybot.store;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Size;

/** The canary's capacity as the bot drives it: where it started, what it waits for, what it reached. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class CapacityDto {
  /** The canary's replicas (or its autoscaler's minReplicas) when the release started. */
  @Min(0)
  public int replicasAtStart;
  /** The stable Deployment's replicas when the release started. */
  @Min(0)
  public int stableAtStart;
  /** The HorizontalPodAutoscaler that targets the canary, if any. */
  @Size(max = 253)
  public String autoscaler;
  /** The replicas the current move needs. */
  @Min(0)
  public int target;
  /** The ready replicas last reached. */
  @Min(0)
  public int reached;
  /** When the bot began waiting for target, while it waits. */
  @Size(max = 64)
  public String waitingSince;
  /** A rollback gave the capacity back already. */
  public boolean returned;
  /** The ready replicas last seen while waiting. */
  @Min(0)
  public int ready;
}
