package dev.canarybot.demo.traffic;

import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Istio-shaped request counters for simulated services, advanced only when told to
 * ({@link #tick}), so that a seeded simulator gives the same numbers on every run.
 */
public final class TrafficSimulator {
  private final List<SimulatedService> services = new CopyOnWriteArrayList<>();
  private final Random random;

  public TrafficSimulator(long seed) {
    this.random = new Random(seed);
  }

  public SimulatedService add(SimulatedService service) {
    services.add(service);
    return service;
  }

  public List<SimulatedService> services() {
    return List.copyOf(services);
  }

  /** Serves {@code elapsed} worth of requests on every service. */
  public synchronized void tick(Duration elapsed) {
    for (SimulatedService s : services) {
      s.tick(elapsed, random);
    }
  }

  /** The counters as a scrape would see them now. */
  public synchronized String exposition() {
    ExpositionWriter out = new ExpositionWriter();
    out.type("istio_requests_total", "counter");
    out.type("istio_request_duration_milliseconds", "histogram");
    for (SimulatedService s : services) {
      s.render(out, "destination");
    }
    return out.toString();
  }
}
