package dev.canarybot.demo.workloads;

import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.PodConditionBuilder;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodSpecBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The pods of a Deployment in their three shapes (pending, ready, failing), with the status
 * fields the bot's pod health reader and {@code kubectl get pods} read. Each pod carries the
 * template's labels plus {@code pod-template-hash}, the template's spec, and the Deployment as
 * its controlling owner (the demo has no ReplicaSets), so deleting the Deployment removes them.
 */
public final class SimulatedPods {
  public static final String TEMPLATE_HASH = "pod-template-hash";
  static final String CONTAINER_CREATING = "ContainerCreating";
  static final String CRASH_LOOP = "CrashLoopBackOff";
  static final String SIDECAR = "istio-proxy";
  static final String SIDECAR_IMAGE = "docker.io/istio/proxyv2:1.28.0";

  private SimulatedPods() {}

  /** A new pod whose containers are being created. */
  public static Pod pending(Deployment d, String name, String templateHash, Instant now) {
    Map<String, String> labels = new LinkedHashMap<>();
    if (d.getSpec().getTemplate().getMetadata() != null && d.getSpec().getTemplate().getMetadata().getLabels() != null) {
      labels.putAll(d.getSpec().getTemplate().getMetadata().getLabels());
    }
    labels.put(TEMPLATE_HASH, templateHash);
    return new PodBuilder()
        .withNewMetadata()
          .withName(name)
          .withNamespace(d.getMetadata().getNamespace())
          .withLabels(labels)
          .addNewOwnerReference()
            .withApiVersion("apps/v1").withKind("Deployment").withName(d.getMetadata().getName())
            .withUid(d.getMetadata().getUid()).withController(true).withBlockOwnerDeletion(true)
          .endOwnerReference()
        .endMetadata()
        .withSpec(injected(d.getSpec().getTemplate().getSpec()))
        .withNewStatus()
          .withPhase("Pending")
          .withStartTime(time(now))
          .withConditions(condition("PodScheduled", true, null, now), condition("Ready", false, "ContainersNotReady", now))
          .withContainerStatuses(containers(d, c -> c.withReady(false).withStarted(false).withNewState()
              .withNewWaiting().withReason(CONTAINER_CREATING).endWaiting().endState()))
        .endStatus()
        .build();
  }

  /**
   * The template's spec with the {@code istio-proxy} sidecar Istio's injector adds: the demo is a
   * meshed cluster, and the start's checks refuse pods outside the mesh.
   */
  static PodSpec injected(PodSpec template) {
    PodSpec spec = new PodSpecBuilder(template).build();
    if (spec.getContainers().stream().noneMatch(c -> SIDECAR.equals(c.getName()))) {
      spec.getContainers().add(new ContainerBuilder().withName(SIDECAR).withImage(SIDECAR_IMAGE).build());
    }
    return spec;
  }

  /** {@code pod}, running and ready since {@code now}. */
  public static Pod ready(Pod pod, Instant now) {
    return new PodBuilder(pod).editStatus()
        .withPhase("Running")
        .withConditions(condition("PodScheduled", true, null, now), condition("Initialized", true, null, now),
            condition("ContainersReady", true, null, now), condition("Ready", true, null, now))
        .withContainerStatuses(pod.getSpec().getContainers().stream().map(c -> running(c, now)).toList())
        .endStatus().build();
  }

  private static ContainerStatus running(io.fabric8.kubernetes.api.model.Container c, Instant now) {
    return new ContainerStatusBuilder()
        .withName(c.getName()).withImage(c.getImage()).withReady(true).withStarted(true).withRestartCount(0)
        .withNewState().withNewRunning().withStartedAt(time(now)).endRunning().endState().build();
  }

  /**
   * {@code pod}, its containers waiting with {@code reason}. A {@code CrashLoopBackOff} container
   * has also restarted once and shows its last exit, as a crashing one would.
   */
  public static Pod failing(Pod pod, String reason, Instant now) {
    return new PodBuilder(pod).editStatus()
        .withPhase(CRASH_LOOP.equals(reason) ? "Running" : "Pending")
        .withConditions(condition("PodScheduled", true, null, now), condition("Ready", false, "ContainersNotReady", now))
        .withContainerStatuses(pod.getSpec().getContainers().stream().map(c -> {
          if (SIDECAR.equals(c.getName())) {
            return running(c, now); // the knob fails the application, not the mesh's proxy
          }
          ContainerStatusBuilder b = new ContainerStatusBuilder().withName(c.getName()).withImage(c.getImage())
              .withReady(false).withStarted(false).withRestartCount(CRASH_LOOP.equals(reason) ? 1 : 0)
              .withNewState().withNewWaiting().withReason(reason).withMessage(KubeletEvents.waitingMessage(pod, c, reason))
              .endWaiting().endState();
          if (CRASH_LOOP.equals(reason)) {
            b.withNewLastState().withNewTerminated().withReason("Error").withExitCode(1).withFinishedAt(time(now))
                .endTerminated().endLastState();
          }
          return b.build();
        }).toList())
        .endStatus().build();
  }

  /** The pod as the controller reads it back: ready, failing (with its reason) or pending. */
  public static PodState state(Pod pod) {
    if (pod.getStatus() == null) {
      return PodState.PENDING;
    }
    boolean ready = pod.getStatus().getConditions() != null && pod.getStatus().getConditions().stream()
        .anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
    if (ready) {
      return PodState.READY;
    }
    return waitingReason(pod) == null ? PodState.PENDING : PodState.FAILING;
  }

  /** The first container's waiting reason, unless it is only being created. */
  public static String waitingReason(Pod pod) {
    List<ContainerStatus> containers = pod.getStatus() == null ? null : pod.getStatus().getContainerStatuses();
    if (containers == null) {
      return null;
    }
    return containers.stream()
        .filter(c -> c.getState() != null && c.getState().getWaiting() != null)
        .map(c -> c.getState().getWaiting().getReason())
        .filter(r -> r != null && !CONTAINER_CREATING.equals(r))
        .findFirst().orElse(null);
  }

  private static List<ContainerStatus> containers(Deployment d,
      java.util.function.UnaryOperator<ContainerStatusBuilder> shape) {
    return d.getSpec().getTemplate().getSpec().getContainers().stream()
        .map(c -> shape.apply(new ContainerStatusBuilder().withName(c.getName()).withImage(c.getImage())
            .withRestartCount(0)).build())
        .toList();
  }

  private static PodCondition condition(String type, boolean status, String reason, Instant now) {
    return new PodConditionBuilder().withType(type).withStatus(status ? "True" : "False").withReason(reason)
        .withLastTransitionTime(time(now)).build();
  }

  static String time(Instant instant) {
    return instant.truncatedTo(ChronoUnit.SECONDS).toString();
  }
}
