package dev.canarybot.demo.workloads;

/**
 * The replica counts of a Deployment's {@code status}, as the deployment controller reports them.
 * The demo's pods have no {@code minReadySeconds}, so a ready pod is also available.
 */
public record ReplicaStatus(long observedGeneration, int replicas, int updatedReplicas, int readyReplicas,
    int availableReplicas, int unavailableReplicas) {}
