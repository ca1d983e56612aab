package dev.canarybot.store;

/** The analysis' last distinct conclusion, as stored in the status. */
public class VerdictDto {
  /** Healthy, Watch, Breach, Inconclusive or Unavailable. */
  public String kind;
  public String summary;
  public String at;
}
