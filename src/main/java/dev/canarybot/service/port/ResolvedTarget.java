package dev.canarybot.service.port;

import dev.canarybot.release.ReleaseTarget;

/**
 * A target found in the cluster: the name its CanaryRelease gets, the target itself, and the
 * weights the route had when it was read.
 */
public record ResolvedTarget(String releaseName, ReleaseTarget target, RouteWeights current) {}
