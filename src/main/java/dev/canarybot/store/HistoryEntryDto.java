package dev.canarybot.store;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fabric8.generator.annotation.Size;

/** One stored transition. {@code fromPhase} is absent and {@code fromWeight} -1 for a first start. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class HistoryEntryDto {
  @Size(max = 64)
  public String at;
  @Size(max = 128)
  public String actor;
  @Size(max = 32)
  public String action;
  public String fromPhase;
  public String toPhase;
  public int fromWeight;
  public int toWeight;
  @Size(max = 500)
  public String reason;
}
