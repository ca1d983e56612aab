package dev.canarybot.demo.traffic;

import dev.canarybot.analysis.LatencyHistogram;
import java.time.Duration;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Random;
import java.util.function.IntSupplier;

/**
 * One host split between a stable and a canary version by a weight read on every tick (the demo
 * reads it from the VirtualService), each version with its own {@link VersionProfile}, slowed by
 * its load per ready pod ({@link LoadModel}) when its {@link Capacity} is known. A version with
 * no ready pod answers every request 503 at once, as Envoy does when a subset has no healthy
 * upstream.
 */
public final class SimulatedService {
  /** Envoy answers at once when it has nowhere to send a request. */
  static final double NO_HEALTHY_UPSTREAM_MS = 1;
  private final String host;
  private final String stableVersion;
  private final String canaryVersion;
  private final IntSupplier canaryWeight;
  private final Capacity capacity;
  private final LoadModel loadModel;
  private volatile double rps;
  private volatile VersionProfile stable = VersionProfile.healthy();
  private volatile VersionProfile canary = VersionProfile.healthy();
  private final VersionCounters stableCounters = new VersionCounters();
  private final VersionCounters canaryCounters = new VersionCounters();
  /** Fractions of a request carried to the next tick, so low rates and short ticks add up exactly. */
  private double stableCarry;
  private double canaryCarry;
  private volatile VersionLoad stableLoad = VersionLoad.NONE;
  private volatile VersionLoad canaryLoad = VersionLoad.NONE;

  /** A service whose capacity is unknown: its versions serve at their profiles' numbers at any rate. */
  public SimulatedService(String host, String stableVersion, String canaryVersion, IntSupplier canaryWeight, double rps) {
    this(host, stableVersion, canaryVersion, canaryWeight, rps, Capacity.UNKNOWN, LoadModel.of(1));
  }

  public SimulatedService(String host, String stableVersion, String canaryVersion, IntSupplier canaryWeight, double rps,
      Capacity capacity, LoadModel load) {
    this.host = host;
    this.stableVersion = stableVersion;
    this.canaryVersion = canaryVersion;
    this.canaryWeight = canaryWeight;
    this.rps = rps;
    this.capacity = capacity;
    this.loadModel = load;
  }

  public String host() {
    return host;
  }

  public void rps(double requestsPerSecond) {
    this.rps = requestsPerSecond;
  }

  /** Changes how one version ({@code v1}, {@code v2}) behaves from the next tick on. */
  public void profile(String version, VersionProfile profile) {
    if (version.equals(stableVersion)) {
      stable = profile;
    } else if (version.equals(canaryVersion)) {
      canary = profile;
    } else {
      throw new IllegalArgumentException(host + " has no version " + version);
    }
  }

  public VersionProfile profile(String version) {
    return version.equals(canaryVersion) ? canary : stable;
  }

  synchronized void tick(Duration elapsed, Random random) {
    double total = rps * elapsed.toNanos() / 1e9;
    double share = Math.max(0, Math.min(100, canaryWeight.getAsInt())) / 100.0;
    canaryCarry += total * share;
    stableCarry += total * (1 - share);
    // The epsilon keeps 10 x 0.1 requests from summing to 0.9999999 and losing one.
    long canaryRequests = (long) (canaryCarry + 1e-9);
    long stableRequests = (long) (stableCarry + 1e-9);
    canaryCarry -= canaryRequests;
    stableCarry -= stableRequests;
    stableLoad = carried(stableVersion, rps * (1 - share));
    canaryLoad = carried(canaryVersion, rps * share);
    serve(stableCounters, stable, stableLoad, stableRequests, random);
    serve(canaryCounters, canary, canaryLoad, canaryRequests, random);
  }

  private VersionLoad carried(String version, double versionRps) {
    OptionalInt ready = capacity.readyPods(version);
    double factor = ready.isPresent() && ready.getAsInt() > 0 ? loadModel.latencyFactor(versionRps, ready.getAsInt()) : 1;
    return new VersionLoad(versionRps, ready, factor);
  }

  private static void serve(VersionCounters counters, VersionProfile profile, VersionLoad load, long requests,
      Random random) {
    for (long i = 0; i < requests; i++) {
      if (load.unavailable()) {
        counters.record(503, NO_HEALTHY_UPSTREAM_MS);
        continue;
      }
      int code = random.nextDouble() < profile.errorRate() ? 503 : 200;
      double ms = profile.medianLatencyMs() * load.latencyFactor()
          * Math.exp(profile.latencySpread() * random.nextGaussian());
      counters.record(code, ms);
    }
  }

  /** What a version carried on the last tick. */
  public VersionLoad load(String version) {
    return version.equals(canaryVersion) ? canaryLoad : stableLoad;
  }

  /** Requests served by a version so far. */
  public synchronized long requests(String version) {
    return counters(version).requests();
  }

  /** 5xx answers of a version so far. */
  public synchronized long errors(String version) {
    return counters(version).errors();
  }

  /** A version's duration histogram so far (cumulative buckets). */
  public synchronized LatencyHistogram histogram(String version) {
    return counters(version).histogram();
  }

  synchronized void render(ExpositionWriter out, String reporter) {
    write(out, reporter, stableVersion, stableCounters);
    write(out, reporter, canaryVersion, canaryCounters);
  }

  private void write(ExpositionWriter out, String reporter, String version, VersionCounters c) {
    if (c.requests() == 0) {
      return; // a sidecar exports nothing for a version that never got a request
    }
    String labels = "reporter=\"" + reporter + "\",destination_service=\"" + host
        + "\",destination_version=\"" + version + "\"";
    for (Map.Entry<Integer, Long> e : c.byCode().entrySet()) {
      out.sample("istio_requests_total", labels + ",response_code=\"" + e.getKey() + "\"", e.getValue());
    }
    for (LatencyHistogram.Bucket b : c.histogram().buckets()) {
      out.sample("istio_request_duration_milliseconds_bucket",
          labels + ",le=\"" + ExpositionWriter.number(b.upperBoundMs()) + "\"", b.cumulativeCount());
    }
    out.sample("istio_request_duration_milliseconds_sum", labels, c.sumMs());
    out.sample("istio_request_duration_milliseconds_count", labels, c.requests());
  }

  private VersionCounters counters(String version) {
    if (version.equals(stableVersion)) {
      return stableCounters;
    }
    if (version.equals(canaryVersion)) {
      return canaryCounters;
    }
    throw new IllegalArgumentException(host + " has no version " + version);
  }
}
