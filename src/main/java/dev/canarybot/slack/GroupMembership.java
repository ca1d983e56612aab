package dev.canarybot.slack;

/** Whether a Slack user belongs to a user group. */
public interface GroupMembership {
  boolean contains(String groupId, String userId);
}
