package dev.canarybot.release;

/**
 * A Deployment's replicas as read from the cluster.
 *
 * @param desired {@code spec.replicas}
 * @param ready {@code status.readyReplicas}
 * @param current the controller has seen the newest spec ({@code observedGeneration} is the
 *     {@code generation}), so {@code ready} speaks about it
 * @param autoscaler the HorizontalPodAutoscaler that targets the Deployment, or {@code null}
 * @param autoscalerMin its {@code minReplicas}, or 0 without one
 * @param autoscalerMax its {@code maxReplicas}, or 0 without one
 */
public record ReplicaReading(int desired, int ready, boolean current, String autoscaler,
    int autoscalerMin, int autoscalerMax) {

  public static ReplicaReading plain(int desired, int ready, boolean current) {
    return new ReplicaReading(desired, ready, current, null, 0, 0);
  }

  public boolean autoscaled() {
    return autoscaler != null;
  }

  /** The replicas the bot may raise: the autoscaler's floor when there is one, else the Deployment's. */
  public int floor() {
    return autoscaled() ? autoscalerMin : desired;
  }
}
