package dev.canarybot.service;

import dev.canarybot.service.port.Leadership;
import org.jboss.logging.Logger;

/**
 * The body of every {@code @Scheduled} job: only the leader runs it, so two replicas never act
 * twice, and a run that throws is logged rather than stopping the schedule.
 */
final class LeaderOnly {
  private LeaderOnly() {}

  /** Runs {@code work} when this replica leads; {@code what} names it in the warning. */
  static void run(Leadership leadership, Logger log, String what, Runnable work) {
    if (!leadership.isLeader()) {
      return;
    }
    try {
      work.run();
    } catch (RuntimeException e) {
      log.warn(what + " failed; it runs again at the next interval", e);
    }
  }
}
