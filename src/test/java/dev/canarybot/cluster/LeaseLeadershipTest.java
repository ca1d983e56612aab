package dev.canarybot.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canarybot.testing.CrudApiServer;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Two replicas, each with its own client, competing for one Lease on one API server. */
class LeaseLeadershipTest {
  static final Duration LEASE = Duration.ofMillis(1500);

  CrudApiServer api;
  final List<LeaseLeadership> replicas = new ArrayList<>();
  final List<KubernetesClient> clients = new ArrayList<>();

  @BeforeEach
  void server() {
    api = new CrudApiServer();
  }

  @AfterEach
  void stop() {
    replicas.forEach(LeaseLeadership::stop);
    clients.forEach(KubernetesClient::close);
    api.close();
  }

  LeaseLeadership replica(String name) {
    KubernetesClient client = api.client();
    clients.add(client);
    LeaseLeadership l = new LeaseLeadership(client, new LeaseLeadership.Settings("canary-bot",
        "canary-bot-leader", name, LEASE, Duration.ofMillis(1000), Duration.ofMillis(100)));
    replicas.add(l);
    l.start();
    return l;
  }

  @Test
  void exactlyOneLeadsAndAStoppedLeaderHandsOverAtOnce() throws InterruptedException {
    LeaseLeadership a = replica("bot-a");
    LeaseLeadership b = replica("bot-b");
    within(Duration.ofSeconds(3), () -> a.isLeader() || b.isLeader());
    // Watched for a while: never both, never none once elected.
    for (int i = 0; i < 20; i++) {
      assertThat(a.isLeader() ^ b.isLeader()).as("exactly one of bot-a, bot-b leads").isTrue();
      Thread.sleep(50);
    }
    LeaseLeadership leader = a.isLeader() ? a : b;
    LeaseLeadership other = leader == a ? b : a;

    long stoppedAt = System.nanoTime();
    leader.stop();

    assertThat(leader.isLeader()).isFalse();
    within(LEASE, other::isLeader);
    assertThat(Duration.ofNanos(System.nanoTime() - stoppedAt)).isLessThan(LEASE);
    assertThat(lease().getSpec().getHolderIdentity()).isEqualTo(other.identity());
  }

  @Test
  void aLeaderThatDiesWithoutReleasingIsReplacedWithinTheLeaseDuration() {
    KubernetesClient doomed = api.client();
    LeaseLeadership a = new LeaseLeadership(doomed, new LeaseLeadership.Settings("canary-bot",
        "canary-bot-leader", "bot-a", LEASE, Duration.ofMillis(1000), Duration.ofMillis(100)));
    replicas.add(a);
    a.start();
    within(Duration.ofSeconds(3), a::isLeader);
    LeaseLeadership b = replica("bot-b");

    // A crash: the process is gone, the Lease is never released; only its expiry hands over.
    long diedAt = System.nanoTime();
    doomed.close();

    within(LEASE.plus(Duration.ofMillis(1500)), b::isLeader);
    Duration takeover = Duration.ofNanos(System.nanoTime() - diedAt);
    // The last renewal was at most one retry period before the crash; allow the retry jitter.
    assertThat(takeover).isLessThan(LEASE.plus(Duration.ofMillis(500)));
    assertThat(lease().getSpec().getHolderIdentity()).isEqualTo("bot-b");
  }

  Lease lease() {
    try (KubernetesClient c = api.client()) {
      return c.leases().inNamespace("canary-bot").withName("canary-bot-leader").get();
    }
  }

  static void within(Duration limit, BooleanSupplier condition) {
    long deadline = System.nanoTime() + limit.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not true within " + limit);
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }
}
