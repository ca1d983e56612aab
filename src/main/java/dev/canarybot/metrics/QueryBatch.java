package dev.canarybot.metrics;

import java.util.List;

/** The PromQL of one tick, rendered for every watched release at once. */
public record QueryBatch(String requests, String latencyBuckets, String cpu, String memory) {

  public List<String> all() {
    return List.of(requests, latencyBuckets, cpu, memory);
  }
}
