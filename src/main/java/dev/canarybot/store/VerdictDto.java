package dev.canarybot.store;

import io.fabric8.generator.annotation.Size;

/** The analysis' last distinct conclusion, as stored in the status. */
public class VerdictDto {
  /** Healthy, Inconclusive, Watch or Breach (VerdictKind's names). */
  @Size(max = 32)
  public String kind;
  @Size(max = 2000)
  public String summary;
  @Size(max = 64)
  public String at;
  /** The open alert episode's message in Slack, edited as the episode goes on; absent when none. */
  public CardDto page;
}
