package dev.canarybot.kube;

import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import java.util.List;
import java.util.Optional;

/** What keeps one pod from being ready, from its conditions and container states. */
final class PodProblems {
  private PodProblems() {}

  static Optional<String> of(Pod pod) {
    String name = pod.getMetadata().getName();
    if (pod.getStatus() == null) {
      return Optional.of(name + " has no status yet");
    }
    for (ContainerStatus c : containers(pod)) {
      if (c.getState() != null && c.getState().getWaiting() != null
          && c.getState().getWaiting().getReason() != null) {
        var waiting = c.getState().getWaiting();
        return Optional.of(name + " " + waiting.getReason()
            + (waiting.getMessage() == null ? "" : ": " + waiting.getMessage()));
      }
    }
    List<PodCondition> conditions = pod.getStatus().getConditions() == null
        ? List.of() : pod.getStatus().getConditions();
    for (PodCondition c : conditions) {
      if ("PodScheduled".equals(c.getType()) && "False".equals(c.getStatus())) {
        return Optional.of(name + " " + (c.getReason() == null ? "not scheduled" : c.getReason())
            + (c.getMessage() == null ? "" : ": " + c.getMessage()));
      }
    }
    for (PodCondition c : conditions) {
      if ("Ready".equals(c.getType()) && "False".equals(c.getStatus())) {
        return Optional.of(name + " not ready" + (c.getReason() == null ? "" : " (" + c.getReason() + ")"));
      }
    }
    return Optional.empty();
  }

  private static List<ContainerStatus> containers(Pod pod) {
    return pod.getStatus().getContainerStatuses() == null ? List.of() : pod.getStatus().getContainerStatuses();
  }
}
