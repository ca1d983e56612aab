package dev.canarybot.store;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fabric8.generator.annotation.Size;

/** Reminders and the step deadline as the bot told them, for the current step. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class NudgeDto {
  /** The step this is about (its stepStartedAt). */
  @Size(max = 64)
  public String step;
  /** Since when the gates pass without a break. */
  @Size(max = 64)
  public String gatesPassSince;
  /** The last reminder. */
  @Size(max = 64)
  public String remindedAt;
  /** The step's deadline report went out. */
  public boolean deadlineTold;
}
