package dev.canarybot.store;

import com.fasterxml.jackson.annotation.JsonInclude;

/** Where the release's Slack card lives. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class CardDto {
  public String channel;
  public String ts;
}
