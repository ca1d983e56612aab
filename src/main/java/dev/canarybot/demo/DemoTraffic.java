package dev.canarybot.demo;

import dev.canarybot.demo.traffic.LoadModel;
import dev.canarybot.demo.traffic.SimulatedService;
import dev.canarybot.demo.traffic.TrafficSimulator;
import dev.canarybot.demo.traffic.VersionLoad;
import dev.canarybot.demo.traffic.VersionProfile;
import io.fabric8.kubernetes.client.KubernetesClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * The example service's traffic: on every tick the VirtualService's weights and each subset's
 * ready pods are re-read from the Kubernetes API and that tick's requests are split and served by
 * them, so a promotion, a rollback or a scale shows in the numbers within one tick. Started by
 * {@link DemoStartup} only in the demo.
 */
@ApplicationScoped
public class DemoTraffic {
  private static final Logger LOG = Logger.getLogger(DemoTraffic.class);
  /** An hour of one-second ticks: longer than any demo analysis window. */
  private static final int HISTORY_POINTS = 3600;
  /** Before that, one point per 15 s back to six hours: the longest span a summary chart shows. */
  private static final Duration OLDER_EVERY = Duration.ofSeconds(15);
  private static final int OLDER_POINTS = 5 * 3600 / 15;

  private final DemoConfig.Traffic config;
  private final LiveWeights weights;
  private final LiveEndpoints endpoints;
  private final Clock clock;
  private final TrafficSimulator simulator;
  private final SimulatedService service;
  private final TrafficHistory history = new TrafficHistory(HISTORY_POINTS, OLDER_EVERY, OLDER_POINTS);
  private volatile Map<String, Integer> lastWeights = Map.of();
  private volatile Map<String, Integer> lastReady = Map.of();
  private volatile double rps;
  private ScheduledExecutorService ticker;
  private Instant lastTick;

  public DemoTraffic(DemoConfig config, KubernetesClient client, Clock clock) {
    this.config = config.traffic();
    this.weights = new LiveWeights(client);
    this.endpoints = new LiveEndpoints(client);
    this.clock = clock;
    this.simulator = new TrafficSimulator(this.config.seed());
    this.rps = this.config.rps();
    this.service = simulator.add(new SimulatedService(this.config.host(), this.config.stableVersion(),
        this.config.canaryVersion(), () -> lastWeights.getOrDefault(this.config.canaryVersion(), 0), rps,
        version -> lastReady.containsKey(version) ? OptionalInt.of(lastReady.get(version)) : OptionalInt.empty(),
        LoadModel.of(this.config.rpsPerPod())));
  }

  public synchronized void start() {
    if (ticker != null) {
      return;
    }
    lastTick = clock.instant();
    ticker = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "demo-traffic");
      t.setDaemon(true);
      return t;
    });
    long millis = config.tick().toMillis();
    ticker.scheduleAtFixedRate(this::tick, millis, millis, TimeUnit.MILLISECONDS);
  }

  public synchronized void stop() {
    if (ticker != null) {
      ticker.shutdownNow();
      ticker = null;
    }
  }

  void tick() {
    try {
      lastWeights = weights.read(config.namespace(), config.virtualService());
    } catch (RuntimeException e) {
      // Keep serving by the last known split: the API being briefly away is not a traffic change.
      LOG.debugf("demo traffic: weights unreadable, keeping %s: %s", lastWeights, e.getMessage());
    }
    try {
      lastReady = endpoints.ready(config.namespace(), config.host());
    } catch (RuntimeException e) {
      LOG.debugf("demo traffic: ready pods unreadable, keeping %s: %s", lastReady, e.getMessage());
    }
    Instant now = clock.instant();
    Duration elapsed;
    synchronized (this) {
      elapsed = Duration.between(lastTick, now);
      lastTick = now;
    }
    // A suspended laptop or a clock that jumped must not be served as hours of traffic in one go.
    Duration longest = config.tick().multipliedBy(5);
    if (elapsed.compareTo(longest) > 0 || elapsed.isNegative()) {
      elapsed = elapsed.isNegative() ? Duration.ZERO : longest;
    }
    simulator.tick(elapsed);
    Map<String, TrafficHistory.Totals> totals = new LinkedHashMap<>();
    for (String v : new String[] {config.stableVersion(), config.canaryVersion()}) {
      totals.put(v, new TrafficHistory.Totals(service.requests(v), service.errors(v), service.histogram(v)));
    }
    history.add(new TrafficHistory.Point(now, totals));
  }

  /** Changes a version's error rate and/or median latency from the next tick on. */
  public void set(String version, Double errorRate, Double medianLatencyMs) {
    VersionProfile profile = service.profile(version);
    if (errorRate != null) {
      profile = profile.withErrorRate(errorRate);
    }
    if (medianLatencyMs != null) {
      profile = profile.withMedianLatencyMs(medianLatencyMs);
    }
    service.profile(version, profile);
  }

  public void rps(double requestsPerSecond) {
    if (requestsPerSecond < 0 || Double.isNaN(requestsPerSecond)) {
      throw new IllegalArgumentException("rps must be zero or more: " + requestsPerSecond);
    }
    rps = requestsPerSecond;
    service.rps(requestsPerSecond);
  }

  public double rps() {
    return rps;
  }

  public VersionProfile profile(String version) {
    return service.profile(version);
  }

  /** What a version carried on the last tick: its rate, ready pods and latency factor. */
  public VersionLoad load(String version) {
    return service.load(version);
  }

  public boolean hasVersion(String version) {
    return version.equals(config.stableVersion()) || version.equals(config.canaryVersion());
  }

  public Map<String, Integer> weights() {
    return lastWeights;
  }

  /** The counters in Prometheus' text format, as an Istio sidecar would expose them. */
  public String exposition() {
    return simulator.exposition();
  }

  TrafficHistory history() {
    return history;
  }

  DemoConfig.Traffic config() {
    return config;
  }
}
