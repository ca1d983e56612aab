package dev.canarybot.service.port;

import dev.canarybot.release.ReplicaReading;

/**
 * The replicas of the Deployments behind the subsets: read, raised, given back. Only the canary
 * is ever scaled this way; a missing Deployment is a {@link TargetException}.
 */
public interface Capacity {

  /** The Deployment's replicas and the autoscaler that targets it, if any. */
  ReplicaReading read(String namespace, String deployment);

  /** Sets the Deployment's {@code spec.replicas} through its scale subresource. */
  void scale(String namespace, String deployment, int replicas);

  /** Sets the autoscaler's {@code minReplicas} (the Deployment's replicas are the autoscaler's). */
  void setAutoscalerMin(String namespace, String autoscaler, int minReplicas);

  /**
   * Why the Deployment's pods are not ready, read from their conditions, container states and
   * events ("api-v2-7d9 ImagePullBackOff: …"); a sentence even when nothing was found.
   */
  String whyNotReady(String namespace, String deployment);
}
