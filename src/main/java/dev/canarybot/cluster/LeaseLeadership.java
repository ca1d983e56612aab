package dev.canarybot.cluster;

import dev.canarybot.service.port.Leadership;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderCallbacks;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderElectionConfigBuilder;
import io.fabric8.kubernetes.client.extended.leaderelection.resourcelock.LeaseLock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.jboss.logging.Logger;

/**
 * Leads while it holds a Kubernetes Lease, through fabric8's LeaderElector. A replica that
 * dies stops renewing, so another takes over once {@code leaseDuration} has passed; one that
 * stops cleanly releases the Lease, so the takeover is immediate.
 */
public final class LeaseLeadership implements Leadership {
  private static final Logger LOG = Logger.getLogger(LeaseLeadership.class);

  /** The Lease and its timings. */
  public record Settings(String namespace, String leaseName, String identity,
      Duration leaseDuration, Duration renewDeadline, Duration retryPeriod) {}

  private final KubernetesClient client;
  private final Settings settings;
  private volatile boolean leading;
  private volatile boolean stopped;
  private CompletableFuture<?> election;

  public LeaseLeadership(KubernetesClient client, Settings settings) {
    this.client = client;
    this.settings = settings;
  }

  @Override
  public boolean isLeader() {
    return leading;
  }

  public String identity() {
    return settings.identity();
  }

  /** Competes for the Lease in the background until {@link #stop()}. */
  public synchronized void start() {
    if (stopped) {
      return;
    }
    election = client.leaderElector()
        .withConfig(new LeaderElectionConfigBuilder()
            .withName(settings.leaseName())
            .withLock(new LeaseLock(settings.namespace(), settings.leaseName(), settings.identity()))
            .withLeaseDuration(settings.leaseDuration())
            .withRenewDeadline(settings.renewDeadline())
            .withRetryPeriod(settings.retryPeriod())
            .withReleaseOnCancel(true)
            .withLeaderCallbacks(new LeaderCallbacks(this::started, this::lost, this::observed))
            .build())
        .build()
        .start();
    // An elector that lost its Lease (a renewal that failed during an API blip) never competes
    // again by itself; a replica must, or two blips would leave no leader at all.
    election.whenComplete((done, failure) -> {
      leading = false;
      if (!stopped) {
        LOG.infof("%s: leader election ended%s; competing again", settings.identity(),
            failure == null ? "" : " (" + failure.getMessage() + ")");
        start();
      }
    });
  }

  /** Stops competing and, when leading, releases the Lease so another replica takes over at once. */
  public synchronized void stop() {
    stopped = true;
    if (election != null) {
      election.cancel(true);
    }
    leading = false;
  }

  private void started() {
    leading = true;
    LOG.infof("%s leads: it runs the scheduled analysis, summaries and resync", settings.identity());
  }

  private void lost() {
    leading = false;
    LOG.infof("%s no longer leads", settings.identity());
  }

  private void observed(String leader) {
    LOG.debugf("%s sees leader %s", settings.identity(), leader);
  }
}
