package dev.canarybot.slack;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/**
 * What the bot knows of one user group: the members last read ({@code null}: never read), until
 * when they are fresh, and, after a failed read, when Slack may be asked again. A failure never
 * replaces members with an empty set; a group never read answers with nobody.
 */
record GroupEntry(Set<String> members, Instant freshUntil, Instant askAfter, boolean failing) {

  static final GroupEntry NEVER_READ = new GroupEntry(null, Instant.MIN, Instant.MIN, false);

  /** Whether Slack is to be asked before answering: stale or never read, and no back-off holds. */
  boolean shouldAsk(Instant now) {
    return now.isAfter(freshUntil) && !now.isBefore(askAfter);
  }

  /** Whether {@code userId} is among the members last read; nobody is, in a group never read. */
  boolean has(String userId) {
    return members != null && members.contains(userId);
  }

  /** After Slack answered: these members, fresh for {@code ttl}. */
  GroupEntry read(Set<String> read, Instant now, Duration ttl) {
    return new GroupEntry(Set.copyOf(read), now.plus(ttl), Instant.MIN, false);
  }

  /** After a read failed or took too long: the same members, and no new ask for {@code backOff}. */
  GroupEntry failed(Instant now, Duration backOff) {
    return new GroupEntry(members, freshUntil, now.plus(backOff), true);
  }
}
