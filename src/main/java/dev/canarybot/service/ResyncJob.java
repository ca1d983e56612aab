package dev.canarybot.service;

import dev.canarybot.service.port.Leadership;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * Re-applies desired weights on a schedule and at startup, so a crash between storing a
 * transition and writing the VirtualService converges, and drift is noticed.
 */
@ApplicationScoped
public class ResyncJob {
  private static final Logger LOG = Logger.getLogger(ResyncJob.class);
  private final ReleaseService service;
  private final Leadership leadership;

  public ResyncJob(ReleaseService service, Leadership leadership) {
    this.service = service;
    this.leadership = leadership;
  }

  @Scheduled(identity = "resync", every = "${canary.resync-interval}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void resync() {
    LeaderOnly.run(leadership, LOG, "resync", () -> service.resyncAll().stream()
        .filter(r -> !r.outcome().isEmpty())
        .forEach(r -> LOG.infof("resync %s: %s", r.stored().release().name(), r.outcome())));
  }
}
