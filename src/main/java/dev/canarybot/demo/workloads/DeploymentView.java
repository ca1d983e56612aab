package dev.canarybot.demo.workloads;

/**
 * What the controller reads from a Deployment.
 *
 * @param replicas {@code spec.replicas}, 1 when unset (the API server's default)
 * @param templateHash hash of {@code spec.template}, as in the {@code pod-template-hash} label
 * @param status its current {@code status} counts, or null when it has none yet
 */
public record DeploymentView(String namespace, String name, long generation, int replicas, String templateHash,
    ReplicaStatus status) {}
