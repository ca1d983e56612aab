package dev.canarybot.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canarybot.service.port.Leadership;
import dev.canarybot.testing.Eventually;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.arc.ClientProxy;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** With canary.leader.enabled the app competes for the Lease from startup. */
@QuarkusTest
@WithKubernetesTestServer(crud = true)
@TestProfile(LeaderElectionEnabledTest.Enabled.class)
class LeaderElectionEnabledTest {
  public static class Enabled implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of("canary.leader.enabled", "true", "canary.leader.identity", "test-pod",
          "canary.leader.retry-period", "100ms");
    }
  }

  @Inject Leadership leadership;
  @Inject KubernetesClient client;

  @Test
  void theOnlyReplicaTakesTheLeaseAndLeads() {
    assertThat(ClientProxy.unwrap(leadership)).isInstanceOf(LeaseLeadership.class);
    Eventually.await("leading", leadership::isLeader, leading -> leading);
    Lease lease = client.leases().inNamespace("canary-bot").withName("canary-bot-leader").get();
    assertThat(lease.getSpec().getHolderIdentity()).isEqualTo("test-pod");
    assertThat(lease.getSpec().getLeaseDurationSeconds()).isEqualTo(15);
  }
}
