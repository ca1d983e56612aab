package dev.canarybot.demo.workloads;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What one pass does to one Deployment: pods to create and delete, pending pods that become
 * ready or start failing, and the status that results.
 *
 * @param failReason the waiting reason given to the pods in {@code fail}
 * @param writeStatus whether {@code status} differs from what the Deployment shows now
 * @param wakeAt when the next pending pod falls due, if one waits
 */
public record Reconciliation(int create, List<String> delete, List<String> ready, List<String> fail, String failReason,
    ReplicaStatus status, boolean writeStatus, Optional<Instant> wakeAt) {

  public Reconciliation {
    delete = List.copyOf(delete);
    ready = List.copyOf(ready);
    fail = List.copyOf(fail);
  }

  /** Whether the pass changes any pod. */
  public boolean touchesPods() {
    return create > 0 || !delete.isEmpty() || !ready.isEmpty() || !fail.isEmpty();
  }
}
