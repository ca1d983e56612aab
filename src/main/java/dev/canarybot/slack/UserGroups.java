package dev.canarybot.slack;

import com.slack.api.methods.MethodsClient;
import dev.canarybot.slack.outbound.Kind;
import dev.canarybot.slack.outbound.SlackOutbox;
import dev.canarybot.slack.outbound.Where;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jboss.logging.Logger;

/**
 * Members of Slack user groups, cached because {@code usergroups.users.list} is rate-limited
 * (Tier 2), and read in the outbox's lookup lane, which no card traffic is ever ahead of. A
 * lookup that fails or takes longer than {@link SlackSettings#groupLookupWait()} keeps the
 * members last read, so a Slack hiccup does not lock operators out; the next ask after
 * {@link SlackSettings#groupRetryWait()} tries again. A group never read counts as empty:
 * access is never granted on a guess.
 */
@ApplicationScoped
public class UserGroups implements GroupMembership {
  private static final Logger LOG = Logger.getLogger(UserGroups.class);

  private final Map<String, GroupEntry> entries = new ConcurrentHashMap<>();
  /** One lookup per group at a time: asks during a slow answer wait for the same one. */
  private final Map<String, CompletableFuture<Set<String>>> inFlight = new ConcurrentHashMap<>();
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
    if (!entry(groupId).shouldAsk(clock.instant())) {
      return entry(groupId).has(userId);
    }
    CompletableFuture<Set<String>> mine = new CompletableFuture<>();
    CompletableFuture<Set<String>> lookup = inFlight.putIfAbsent(groupId, mine);
    if (lookup == null) {
      lookup = mine;
      lookUp(groupId, mine);
    }
    try {
      return lookup.get(settings.groupLookupWait().toMillis(), TimeUnit.MILLISECONDS).contains(userId);
    } catch (TimeoutException e) {
      failed(groupId, "no answer within " + settings.groupLookupWait());
    } catch (ExecutionException e) {
      // The lookup recorded its failure when it ended.
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return entry(groupId).has(userId);
  }

  private GroupEntry entry(String groupId) {
    return entries.getOrDefault(groupId, GroupEntry.NEVER_READ);
  }

  private void lookUp(String groupId, CompletableFuture<Set<String>> members) {
    outbox.submit(Kind.LOOKUP, "usergroups.users.list", Where.userGroups(),
            () -> methods.usergroupsUsersList(q -> q.usergroup(groupId)))
        .whenComplete((response, error) -> {
          // Recorded even when the asker stopped waiting: the next ask finds it.
          if (error == null) {
            read(groupId, Set.copyOf(response.getUsers()));
          } else {
            failed(groupId, error.getMessage());
          }
          inFlight.remove(groupId, members);
          if (error == null) {
            members.complete(Set.copyOf(response.getUsers()));
          } else {
            members.completeExceptionally(error);
          }
        });
  }

  private synchronized void read(String groupId, Set<String> members) {
    GroupEntry before = entry(groupId);
    entries.put(groupId, before.read(members, clock.instant(), settings.groupCacheTtl()));
    if (before.failing()) {
      LOG.infof("members of user group %s read again (%d)", groupId, members.size());
    }
  }

  private synchronized void failed(String groupId, String why) {
    GroupEntry before = entry(groupId);
    entries.put(groupId, before.failed(clock.instant(), settings.groupRetryWait()));
    if (before.failing()) {
      LOG.debugf("members of user group %s still unread: %s", groupId, why);
    } else if (before.members() == null) {
      LOG.warnf("cannot read members of user group %s: %s; it counts as empty (access is never "
          + "granted on a guess) until Slack answers; asking again in %s at the earliest", groupId,
          why, settings.groupRetryWait());
    } else {
      LOG.warnf("cannot read members of user group %s: %s; going on with the %d members last read "
          + "until Slack answers; asking again in %s at the earliest", groupId, why,
          before.members().size(), settings.groupRetryWait());
    }
  }
}
