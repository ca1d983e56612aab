package dev.canarybot.analysis;

/**
 * The pods of one version, from the Kubernetes API.
 *
 * @param restarts container restarts since the step began
 * @param oomKilled containers killed for running out of memory since the step began
 */
public record PodHealth(int ready, int total, int restarts, int oomKilled) {}
