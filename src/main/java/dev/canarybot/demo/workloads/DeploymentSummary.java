package dev.canarybot.demo.workloads;

/**
 * One Deployment as the last pass left it, for the demo page.
 *
 * @param replicas {@code spec.replicas}
 * @param pods the pods it has, ready or not
 */
public record DeploymentSummary(String namespace, String name, int replicas, int pods, int readyReplicas) {}
