package dev.canarybot.demo.workloads;

/** Where a simulated pod is in its life, as its status shows it. */
public enum PodState {
  /** Created, containers not started yet ({@code ContainerCreating}); becomes ready or failing when due. */
  PENDING,
  /** Running and Ready: an endpoint that takes traffic. */
  READY,
  /** A container waits with a reason such as {@code ImagePullBackOff}; never ready while the knob is set. */
  FAILING
}
