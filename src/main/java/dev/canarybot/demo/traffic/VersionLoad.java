package dev.canarybot.demo.traffic;

import java.util.OptionalInt;

/**
 * What a version carried on the last tick.
 *
 * @param rps requests per second sent to it
 * @param readyPods its ready pods, empty when unknown
 * @param latencyFactor what its median latency was multiplied by (1 when unknown or comfortable)
 */
public record VersionLoad(double rps, OptionalInt readyPods, double latencyFactor) {
  static final VersionLoad NONE = new VersionLoad(0, OptionalInt.empty(), 1);

  /** Whether no pod could take its requests, so they failed. */
  public boolean unavailable() {
    return readyPods.isPresent() && readyPods.getAsInt() == 0;
  }
}
