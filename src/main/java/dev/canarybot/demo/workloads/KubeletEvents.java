package dev.canarybot.demo.workloads;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import java.time.Instant;

/**
 * The Warning Event a kubelet records when a pod's container cannot start, worded as the kubelet
 * words it for the two reasons people meet most ({@code kubectl describe pod} shows it).
 */
public final class KubeletEvents {
  private KubeletEvents() {}

  /** The Event for {@code pod}'s first container waiting with {@code reason}. */
  public static Event waiting(Pod pod, String reason, Instant now) {
    Container c = pod.getSpec().getContainers().get(0);
    boolean backOff = "ImagePullBackOff".equals(reason) || SimulatedPods.CRASH_LOOP.equals(reason);
    String message = switch (reason) {
      case "ImagePullBackOff" -> "Back-off pulling image \"" + c.getImage() + "\"";
      case SimulatedPods.CRASH_LOOP -> "Back-off restarting failed container " + c.getName() + " in pod "
          + pod.getMetadata().getName() + "_" + pod.getMetadata().getNamespace() + "(" + pod.getMetadata().getUid() + ")";
      default -> "Error: " + reason;
    };
    String time = SimulatedPods.time(now);
    return new EventBuilder()
        .withNewMetadata()
          .withName(pod.getMetadata().getName() + "." + Long.toHexString(now.getEpochSecond() * 1_000_000_000L + now.getNano()))
          .withNamespace(pod.getMetadata().getNamespace())
        .endMetadata()
        .withNewInvolvedObject()
          .withApiVersion("v1").withKind("Pod").withName(pod.getMetadata().getName())
          .withNamespace(pod.getMetadata().getNamespace()).withUid(pod.getMetadata().getUid())
          .withFieldPath("spec.containers{" + c.getName() + "}")
        .endInvolvedObject()
        .withType("Warning")
        .withReason(backOff ? "BackOff" : "Failed")
        .withMessage(message)
        .withNewSource().withComponent("kubelet").endSource()
        .withReportingComponent("kubelet")
        .withFirstTimestamp(time).withLastTimestamp(time).withCount(1)
        .build();
  }

  /** The message beside the waiting reason in the container's status. */
  static String waitingMessage(Pod pod, Container c, String reason) {
    return switch (reason) {
      case "ImagePullBackOff" -> "Back-off pulling image \"" + c.getImage() + "\"";
      case SimulatedPods.CRASH_LOOP -> "back-off 10s restarting failed container=" + c.getName() + " pod="
          + pod.getMetadata().getName() + "_" + pod.getMetadata().getNamespace() + "(" + pod.getMetadata().getUid() + ")";
      default -> reason;
    };
  }
}
