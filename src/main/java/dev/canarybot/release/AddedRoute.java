package dev.canarybot.release;

import java.util.Objects;

/**
 * A route canary-bot put into the VirtualService (always named {@code canary-bot-…}), as the bot
 * last saw it there. The bot removes only routes it lists, and a route whose content no longer
 * has {@code digest} was changed by someone else.
 *
 * @param digest a fingerprint of the route's content as the bot wrote it
 * @param address where testers send requests ({@code api.example.com/api/v1}), for the card
 */
public record AddedRoute(String name, String digest, String address) {
  public static final String PREFIX = "canary-bot-";

  public AddedRoute {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(digest, "digest");
    if (!name.startsWith(PREFIX)) {
      throw new IllegalArgumentException("route " + name + " is not named " + PREFIX + "…");
    }
  }

  /** The testers' route of release {@code release}. */
  public static String testersName(String release) {
    return PREFIX + "testers-" + release;
  }
}
