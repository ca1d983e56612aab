package dev.canarybot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What one user group's cache entry answers, and when it asks Slack, as values. */
class GroupEntryTest {
  static final Instant T0 = Instant.parse("2025-03-04T11:00:00Z");
  static final Duration TTL = Duration.ofMinutes(5);
  static final Duration BACK_OFF = Duration.ofSeconds(30);

  static Instant at(int seconds) {
    return T0.plusSeconds(seconds);
  }

  @Test
  void aGroupNeverReadHasNobodyAndIsAskedAtOnce() {
    assertThat(GroupEntry.NEVER_READ.has("U1")).isFalse();
    assertThat(GroupEntry.NEVER_READ.shouldAsk(T0)).isTrue();
  }

  @Test
  void membersReadAreFreshForTheirTtl() {
    GroupEntry read = GroupEntry.NEVER_READ.read(Set.of("U1"), T0, TTL);
    assertThat(read.has("U1")).isTrue();
    assertThat(read.has("U2")).isFalse();
    assertThat(read.shouldAsk(at(300))).as("at T0 + 5 min, the last fresh instant").isFalse();
    assertThat(read.shouldAsk(at(301))).as("one second after the TTL").isTrue();
  }

  @Test
  void aFailureKeepsTheMembersLastReadAndHoldsTheNextAskForTheBackOff() {
    GroupEntry failed = GroupEntry.NEVER_READ.read(Set.of("U1"), T0, TTL).failed(at(400), BACK_OFF);
    assertThat(failed.has("U1")).as("the members last read stay").isTrue();
    assertThat(failed.failing()).isTrue();
    assertThat(failed.shouldAsk(at(429))).as("400 s + 30 s back-off not over").isFalse();
    assertThat(failed.shouldAsk(at(430))).as("back-off over at 430 s").isTrue();
  }

  @Test
  void aFailureNeverMakesUpMembers() {
    GroupEntry failed = GroupEntry.NEVER_READ.failed(T0, BACK_OFF);
    assertThat(failed.has("U1")).isFalse();
    assertThat(failed.members()).isNull();
    assertThat(failed.shouldAsk(at(29))).isFalse();
    assertThat(failed.shouldAsk(at(30))).isTrue();
  }

  @Test
  void aReadAfterFailuresClearsTheBackOff() {
    GroupEntry again = GroupEntry.NEVER_READ.failed(T0, BACK_OFF).read(Set.of(), at(40), TTL);
    assertThat(again.failing()).isFalse();
    assertThat(again.members()).as("a group that really is empty is cached as such").isEmpty();
    assertThat(again.shouldAsk(at(340))).as("fresh until 40 s + 5 min").isFalse();
    assertThat(again.shouldAsk(at(341))).isTrue();
  }
}
