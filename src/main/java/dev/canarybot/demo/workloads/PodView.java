package dev.canarybot.demo.workloads;

import java.time.Instant;

/**
 * One pod of a Deployment as the controller sees it.
 *
 * @param createdAt when it was created, for choosing the newest to remove first
 * @param reason the waiting reason of a failing pod, else null
 * @param templateHash its {@code pod-template-hash} label: pods of the current template are "updated"
 * @param dueAt when a pending pod's containers finish starting
 */
public record PodView(String name, Instant createdAt, PodState state, String reason, String templateHash, Instant dueAt) {}
