package dev.canarybot.demo.workloads;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A ReplicaSet controller and a kubelet in one pure function: the pods a Deployment should have,
 * which of them are ready, and the status that says so. Pending pods fall due {@code readyDelay}
 * after they were created; then they become ready, or fail with the Deployment's fail reason.
 * Scaling down removes failing pods first, then pending, then ready ones, newest first in each
 * group, as the ReplicaSet controller prefers pods that serve least.
 */
public final class ReplicaDecision {
  private static final Comparator<PodView> REMOVE_FIRST = Comparator
      .comparingInt((PodView p) -> switch (p.state()) {
        case FAILING -> 0;
        case PENDING -> 1;
        case READY -> 2;
      })
      .thenComparing(PodView::createdAt, Comparator.reverseOrder())
      .thenComparing(PodView::name, Comparator.reverseOrder());

  private ReplicaDecision() {}

  /**
   * @param failReason the waiting reason new pods get instead of becoming ready, or null
   * @param readinessPaused whether pods stay as they are (a test looks at the pending state)
   */
  public static Reconciliation decide(DeploymentView d, List<PodView> pods, String failReason, boolean readinessPaused,
      Duration readyDelay, Instant now) {
    int surplus = pods.size() - d.replicas();
    List<PodView> delete = surplus > 0 ? pods.stream().sorted(REMOVE_FIRST).limit(surplus).toList() : List.of();
    List<PodView> kept = pods.stream().filter(p -> !delete.contains(p)).toList();
    int create = Math.max(0, -surplus);

    List<String> ready = new ArrayList<>();
    List<String> fail = new ArrayList<>();
    Instant wake = null;
    int readyAfter = 0;
    for (PodView p : kept) {
      PodState next = readinessPaused ? p.state() : next(p, failReason, now);
      // Paused, nothing moves; otherwise a failing pod is re-marked when the reason changed.
      boolean changes = !readinessPaused
          && (next != p.state() || (next == PodState.FAILING && !failReason.equals(p.reason())));
      if (changes) {
        (next == PodState.READY ? ready : fail).add(p.name());
      }
      if (next == PodState.READY) {
        readyAfter++;
      }
      if (next == PodState.PENDING && !readinessPaused) {
        wake = earliest(wake, p.dueAt());
      }
    }
    if (create > 0 && !readinessPaused) {
      wake = earliest(wake, now.plus(readyDelay));
    }
    int updated = (int) kept.stream().filter(p -> d.templateHash().equals(p.templateHash())).count() + create;
    ReplicaStatus status = new ReplicaStatus(d.generation(), kept.size() + create, updated, readyAfter, readyAfter,
        Math.max(0, d.replicas() - readyAfter));
    return new Reconciliation(create, delete.stream().map(PodView::name).toList(), ready, fail, failReason, status,
        !status.equals(d.status()), Optional.ofNullable(wake));
  }

  /** What a pod becomes this pass; a failing pod recovers at once when the knob is cleared, as at a kubelet retry. */
  private static PodState next(PodView p, String failReason, Instant now) {
    return switch (p.state()) {
      case READY -> PodState.READY;
      case FAILING -> failReason == null ? PodState.READY : PodState.FAILING;
      case PENDING -> p.dueAt().isAfter(now) ? PodState.PENDING
          : failReason == null ? PodState.READY : PodState.FAILING;
    };
  }

  private static Instant earliest(Instant a, Instant b) {
    return a == null || b.isBefore(a) ? b : a;
  }
}
