package dev.canarybot.release;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the cluster and the metrics pipeline said about a target just before a start, for the
 * preflight to judge ({@link PreflightRules}). Everything here was read from the cluster, so
 * it is untrusted text.
 *
 * @param workloadMismatch why the target's Deployments are not the ones its subsets select, or
 *     {@code null} when they are
 */
public record StartFacts(
    ReleaseTarget target,
    Workload stable,
    Workload canary,
    String workloadMismatch,
    RouteMeta route,
    Sample stableSample) {

  public StartFacts {
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(stable, "stable");
    Objects.requireNonNull(canary, "canary");
    Objects.requireNonNull(route, "route");
    Objects.requireNonNull(stableSample, "stableSample");
  }

  /**
   * One Deployment as read. {@code observedGeneration} is null while its controller has not
   * reported on it; {@code replicas} is {@code spec.replicas} (1 when unset, as Kubernetes
   * defaults it), {@code updatedReplicas} is {@code status.updatedReplicas} (0 when unset).
   *
   * @param images the pod template's images, the mesh's own sidecar left out
   */
  public record Workload(String name, boolean exists, boolean paused, Long generation,
      Long observedGeneration, int replicas, int updatedReplicas, List<String> images, List<PodMesh> pods) {

    public Workload {
      images = List.copyOf(images);
      pods = List.copyOf(pods);
    }

    /** A Deployment that is not there. */
    public static Workload missing(String name) {
      return new Workload(name, false, false, null, null, 0, 0, List.of(), List.of());
    }
  }

  /**
   * Whether one pod is in the mesh.
   *
   * @param sidecar it has an {@code istio-proxy} container (or native sidecar init container)
   * @param ambient it is enrolled in ambient mode (label {@code istio.io/dataplane-mode=ambient},
   *     or istio-cni's annotation {@code ambient.istio.io/redirection=enabled})
   */
  public record PodMesh(String name, boolean sidecar, boolean ambient) {}

  /** The VirtualService's annotations and owner references, where other rollout controllers mark it. */
  public record RouteMeta(Map<String, String> annotations, List<Owner> owners) {

    public RouteMeta {
      annotations = Map.copyOf(annotations);
      owners = List.copyOf(owners);
    }

    public static RouteMeta none() {
      return new RouteMeta(Map.of(), List.of());
    }
  }

  /** One owner reference. */
  public record Owner(String apiVersion, String kind, String name) {}

  /**
   * Whether the metrics pipeline has a recent sample of a version's requests.
   *
   * @param detail what was asked, or why it could not be asked
   */
  public record Sample(State state, String detail) {
    public enum State { SEEN, NONE, UNAVAILABLE }

    public static Sample unavailable(String why) {
      return new Sample(State.UNAVAILABLE, why);
    }
  }
}
