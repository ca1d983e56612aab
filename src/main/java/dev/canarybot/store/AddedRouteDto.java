package dev.canarybot.store;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

/** A route canary-bot added to the VirtualService, so it only ever removes what it added. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class AddedRouteDto {
  /** The route's name in the VirtualService, always canary-bot-…. */
  @Required
  @Pattern("^canary-bot-.*$")
  @Size(max = 300)
  public String name;
  /** A fingerprint of the route as the bot wrote it; another content is someone else's edit. */
  @Required
  @Size(max = 64)
  public String digest;
  /** Where testers send their requests (host and path), for the card. */
  @Size(max = 600)
  public String address;
}
