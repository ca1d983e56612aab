package dev.canarybot.store;

import com.fasterxml.jackson.annotation.JsonInclude;

/** One stored transition. {@code fromPhase} is absent and {@code fromWeight} -1 for a first start. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class HistoryEntryDto {
  public String at;
  public String actor;
  public String action;
  public String fromPhase;
  public String toPhase;
  public int fromWeight;
  public int toWeight;
  public String reason;
}
