package dev.canarybot.slack;

import dev.canarybot.service.CanaryConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

/**
 * Who may do what. Operators start, pause, resume and roll back; approvers may also promote
 * and clean up. Rollback is never harder than promote. The user is always the one Slack signed
 * the request for, never a name typed in the text.
 */
@ApplicationScoped
public class AccessPolicy {

  /** What an action needs. */
  public enum Need { READ, OPERATE, APPROVE }

  private final CanaryConfig config;
  private final GroupMembership groups;

  public AccessPolicy(CanaryConfig config, GroupMembership groups) {
    this.config = config;
    this.groups = groups;
  }

  /** Empty when allowed, else the refusal that names the rule. */
  public Optional<String> refusal(String userId, Need need, String channelId) {
    List<String> channels = config.channels().orElse(List.of());
    if (!channels.isEmpty() && !channels.contains(channelId)) {
      return Optional.of("canary-bot does not act in this channel; use it in "
          + String.join(", ", channels.stream().map(c -> "<#" + c + ">").toList())
          + " (setting CANARY_CHANNELS)");
    }
    if (need == Need.READ) {
      return Optional.empty();
    }
    List<String> approvers = config.approvers().orElse(List.of());
    if (member(userId, approvers)) {
      return Optional.empty();
    }
    if (need == Need.APPROVE) {
      return Optional.of("only approvers may do that, and <@" + userId + "> is not one "
          + "(setting CANARY_APPROVERS" + names(approvers) + ")");
    }
    List<String> operators = config.operators().orElse(List.of());
    if (member(userId, operators)) {
      return Optional.empty();
    }
    return Optional.of("only operators or approvers may do that, and <@" + userId + "> is neither "
        + "(settings CANARY_OPERATORS" + names(operators) + " and CANARY_APPROVERS" + names(approvers) + ")");
  }

  private boolean member(String userId, List<String> ids) {
    for (String id : ids) {
      if (id.equals(userId)) {
        return true;
      }
    }
    // User-group IDs start with S; asked only when the user is not listed by name.
    for (String id : ids) {
      if (id.startsWith("S") && groups.contains(id, userId)) {
        return true;
      }
    }
    return false;
  }

  private static String names(List<String> ids) {
    return ids.isEmpty() ? ", which is empty" : "";
  }
}
