package dev.canarybot.demo.traffic;

/**
 * How a version's latency grows when its ready pods carry more than they comfortably can: up to
 * {@code comfortableRpsPerPod} requests per second per ready pod the median is the profile's
 * own; above it the median is multiplied by {@code (load / comfortable)²}, a stand-in for a
 * queue forming in front of busy workers, capped at {@code maxFactor} so a version with far too
 * few pods is very slow rather than infinitely so. With no ready pod there is nothing to slow
 * down: such requests fail, see {@link SimulatedService}.
 */
public record LoadModel(double comfortableRpsPerPod, double maxFactor) {
  /** Default of the demo: an overload of 2 gives 4 times the median, and nothing gets slower than 25 times. */
  public static final double MAX_FACTOR = 25;

  public LoadModel {
    if (!(comfortableRpsPerPod > 0) || !(maxFactor >= 1)) {
      throw new IllegalArgumentException("the comfortable rate must be positive and the cap at least 1: "
          + comfortableRpsPerPod + " requests/s per pod, cap " + maxFactor);
    }
  }

  public static LoadModel of(double comfortableRpsPerPod) {
    return new LoadModel(comfortableRpsPerPod, MAX_FACTOR);
  }

  /**
   * The median's multiplier for {@code rps} requests per second spread over {@code readyPods}.
   *
   * @param readyPods at least 1
   */
  public double latencyFactor(double rps, int readyPods) {
    if (readyPods < 1) {
      throw new IllegalArgumentException("no ready pod carries a load: " + readyPods);
    }
    double overload = rps / readyPods / comfortableRpsPerPod;
    return overload <= 1 ? 1 : Math.min(maxFactor, overload * overload);
  }
}
