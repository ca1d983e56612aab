package dev.canarybot.service;

import java.time.Duration;
import java.util.List;

/** The defaults of {@link CanaryConfig}, with no wait before cleanup. */
final class TestConfig implements CanaryConfig {
  @Override public String namespace() { return "default"; }
  @Override public List<Integer> steps() { return List.of(10, 50, 100); }
  @Override public Duration cleanupAfter() { return Duration.ZERO; }
  @Override public boolean autoRollback() { return true; }
  @Override public String istioApiVersion() { return "networking.istio.io/v1beta1"; }
  @Override public String clusterDomain() { return "cluster.local"; }
}
