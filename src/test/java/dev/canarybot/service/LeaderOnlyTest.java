package dev.canarybot.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

/** The guard of every scheduled job: the leader runs the work, a follower does not, a throw stays inside. */
class LeaderOnlyTest {
  private static final Logger LOG = Logger.getLogger(LeaderOnlyTest.class);

  @Test
  void theLeaderRunsTheWork() {
    List<String> ran = new ArrayList<>();
    LeaderOnly.run(() -> true, LOG, "tick", () -> ran.add("tick"));
    assertThat(ran).containsExactly("tick");
  }

  @Test
  void aFollowerDoesNotRunIt() {
    List<String> ran = new ArrayList<>();
    LeaderOnly.run(() -> false, LOG, "tick", () -> ran.add("tick"));
    assertThat(ran).isEmpty();
  }

  @Test
  void aFailedRunDoesNotReachTheScheduler() {
    List<String> ran = new ArrayList<>();
    assertThatCode(() -> LeaderOnly.run(() -> true, LOG, "tick", () -> {
      ran.add("tick");
      throw new IllegalStateException("cluster down");
    })).doesNotThrowAnyException();
    assertThat(ran).containsExactly("tick");
  }
}
