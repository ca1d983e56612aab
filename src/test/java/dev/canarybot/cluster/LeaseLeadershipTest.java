package dev.canarybot.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canarybot.testing.CrudApiServer;
import dev.canarybot.testing.Eventually;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.api.model.coordination.v1.LeaseBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two replicas, each with its own client, competing for one Lease on one API server. The tests
 * assert who leads and in which order, never how fast: a loaded machine may be slow, not wrong.
 */
class LeaseLeadershipTest {
  static final Duration LEASE = Duration.ofMillis(1500);
  /** Longer than any wait here: a handover under it can only be a release, never an expiry. */
  static final Duration LONG_LEASE = Duration.ofSeconds(60);

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

  LeaseLeadership replica(String name, Duration lease) {
    KubernetesClient client = api.client();
    clients.add(client);
    LeaseLeadership l = new LeaseLeadership(client, new LeaseLeadership.Settings("canary-bot",
        "canary-bot-leader", name, lease, Duration.ofMillis(1000), Duration.ofMillis(100)));
    replicas.add(l);
    l.start();
    return l;
  }

  @Test
  void exactlyOneLeadsAndAStoppedLeaderReleasesTheLease() {
    LeaseLeadership a = replica("bot-a", LONG_LEASE);
    LeaseLeadership b = replica("bot-b", LONG_LEASE);
    LeaseLeadership leader = Eventually.await("a leader", () -> a.isLeader() ? a : b.isLeader() ? b : null,
        l -> l != null);
    LeaseLeadership other = leader == a ? b : a;
    // Watched over three renewals of the Lease: never both, never none.
    Set<ZonedDateTime> renewals = new HashSet<>();
    Eventually.await("three renewals by " + leader.identity(), () -> {
      assertThat(a.isLeader() ^ b.isLeader()).as("exactly one of bot-a, bot-b leads").isTrue();
      Lease now = lease();
      assertThat(now.getSpec().getHolderIdentity()).isEqualTo(leader.identity());
      renewals.add(now.getSpec().getRenewTime());
      return renewals.size();
    }, n -> n >= 3);

    leader.stop();

    assertThat(leader.isLeader()).isFalse();
    // The Lease would not expire for a minute: the other leading now means it was released.
    Eventually.await(other.identity() + " leading", other::isLeader, leads -> leads);
    assertThat(lease().getSpec().getHolderIdentity()).isEqualTo(other.identity());
  }

  @Test
  void aLeaseLeftByALeaderThatDiedIsTakenOnlyOnceItExpired() {
    // A crash: bot-a's last renewal is in the Lease, and nothing will renew or release it.
    ZonedDateTime lastRenewal = ZonedDateTime.now(ZoneOffset.UTC);
    try (KubernetesClient c = api.client()) {
      c.leases().inNamespace("canary-bot").resource(new LeaseBuilder()
          .withNewMetadata().withName("canary-bot-leader").withNamespace("canary-bot").endMetadata()
          .withNewSpec().withHolderIdentity("bot-a").withLeaseDurationSeconds(2)
          .withAcquireTime(lastRenewal).withRenewTime(lastRenewal).withLeaseTransitions(0).endSpec()
          .build()).create();
    }
    Lease dead = lease();

    LeaseLeadership b = replica("bot-b", LEASE);

    Eventually.await("bot-b leading", b::isLeader, leads -> leads);
    Lease taken = lease();
    assertThat(taken.getSpec().getHolderIdentity()).isEqualTo("bot-b");
    // Not a moment early: bot-b acquired no sooner than the dead holder's lease ran out.
    assertThat(taken.getSpec().getAcquireTime())
        .isAfterOrEqualTo(dead.getSpec().getRenewTime().plusSeconds(dead.getSpec().getLeaseDurationSeconds()));
    assertThat(taken.getSpec().getLeaseTransitions()).isEqualTo(1);
  }

  Lease lease() {
    try (KubernetesClient c = api.client()) {
      return c.leases().inNamespace("canary-bot").withName("canary-bot-leader").get();
    }
  }
}
