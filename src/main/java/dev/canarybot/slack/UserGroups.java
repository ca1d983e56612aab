package dev.canarybot.slack;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.response.usergroups.users.UsergroupsUsersListResponse;
import dev.canarybot.slack.outbound.SlackOutbox;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Members of Slack user groups, cached because {@code usergroups.users.list} is rate-limited
 * (Tier 2). A group that cannot be read counts as empty: access is never granted on a guess.
 */
@ApplicationScoped
public class UserGroups implements GroupMembership {
  private static final Logger LOG = Logger.getLogger(UserGroups.class);

  private record Cached(Set<String> members, Instant until) {}

  private final Map<String, Cached> cache = new ConcurrentHashMap<>();
  private final MethodsClient methods;
  private final SlackOutbox outbox;
  private final SlackSettings settings;
  private final Clock clock;

  public UserGroups(MethodsClient methods, SlackOutbox outbox, SlackSettings settings, Clock clock) {
    this.methods = methods;
    this.outbox = outbox;
    this.settings = settings;
    this.clock = clock;
  }

  @Override
  public boolean contains(String groupId, String userId) {
    Cached cached = cache.get(groupId);
    if (cached == null || clock.instant().isAfter(cached.until())) {
      cached = new Cached(load(groupId), clock.instant().plus(settings.groupCacheTtl()));
      cache.put(groupId, cached);
    }
    return cached.members().contains(userId);
  }

  private Set<String> load(String groupId) {
    try {
      UsergroupsUsersListResponse r = outbox.submit("usergroups.users.list",
          () -> methods.usergroupsUsersList(q -> q.usergroup(groupId))).get(15, TimeUnit.SECONDS);
      return Set.copyOf(r.getUsers());
    } catch (Exception e) {
      LOG.warnf("cannot read members of user group %s: %s", groupId, e.getMessage());
      return Set.of();
    }
  }
}
