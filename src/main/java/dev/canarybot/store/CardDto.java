package dev.canarybot.store;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fabric8.generator.annotation.Size;

/** Where the release's Slack card lives. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class CardDto {
  @Size(max = 32)
  public String channel;
  @Size(max = 32)
  public String ts;
}
