package dev.canarybot.service.port;

import dev.canarybot.release.CanaryRelease;

/** A release as read from the cluster, with the resourceVersion a compare-and-swap needs. */
public record StoredRelease(CanaryRelease release, String version) {}
