package dev.canarybot.cluster;

import dev.canarybot.service.AlwaysLeader;
import dev.canarybot.service.port.Leadership;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.UUID;

/**
 * Chooses the {@link Leadership} at runtime: the Lease when {@code canary.leader.enabled}, else
 * {@link AlwaysLeader}. A runtime switch, so one image serves the single-replica demo and the
 * two-replica Deployment.
 */
@ApplicationScoped
public class LeaderElection {
  private final LeaseLeadership lease;

  LeaderElection(LeaderConfig config, KubernetesClient client) {
    this.lease = config.enabled() ? new LeaseLeadership(client, settings(config)) : null;
  }

  @Produces
  @ApplicationScoped
  Leadership leadership(AlwaysLeader single) {
    return lease != null ? lease : single;
  }

  void start(@Observes StartupEvent started) {
    if (lease != null) {
      lease.start();
    }
  }

  // On ShutdownEvent, before the beans are destroyed: the next leader starts while this
  // replica still drains its Slack work, which only any-replica actions use.
  void stop(@Observes ShutdownEvent stopping) {
    if (lease != null) {
      lease.stop();
    }
  }

  static LeaseLeadership.Settings settings(LeaderConfig config) {
    return new LeaseLeadership.Settings(config.namespace(), config.leaseName(),
        config.identity().orElseGet(LeaderElection::hostName),
        config.leaseDuration(), config.renewDeadline(), config.retryPeriod());
  }

  private static String hostName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      // Unique is all the Lease needs; a random name still tells replicas apart.
      return "canary-bot-" + UUID.randomUUID().toString().substring(0, 8);
    }
  }
}
