package dev.canarybot.slack.outbound;

import dev.canarybot.release.CardRef;

/**
 * Where a Slack call goes: the lane it waits in (one per channel, one for user-group lookups,
 * one per user's Home tab) and the thread whose order it keeps ({@code null}: a new top-level
 * message, which nothing queued can refer to yet). Built by the factories only.
 */
public record Where(String lane, String thread) {
  private static final String LOOKUPS = "usergroups";

  /** A new top-level message in {@code channel}: a card, an alert. */
  public static Where newMessage(String channel) {
    return new Where("channel:" + channel, null);
  }

  /** A message that exists, its redraws and its thread: they share one order. */
  public static Where thread(CardRef message) {
    return new Where("channel:" + message.channel(), message.ts());
  }

  /** {@code usergroups.users.list}: its own lane, never behind card traffic. */
  public static Where userGroups() {
    return new Where(LOOKUPS, null);
  }

  /** Whether this is the lookups' lane, which has a worker of its own. */
  public boolean lookups() {
    return LOOKUPS.equals(lane);
  }

  /** The Home tab of {@code userId}. */
  public static Where home(String userId) {
    return new Where("home:" + userId, null);
  }
}
