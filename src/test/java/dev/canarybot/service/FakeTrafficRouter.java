package dev.canarybot.service;

import dev.canarybot.release.AddedRoute;
import dev.canarybot.release.ReleaseTarget;
import dev.canarybot.release.TestersMatch;
import dev.canarybot.service.port.AddedRouteDriftException;
import dev.canarybot.service.port.RouteDriftException;
import dev.canarybot.service.port.RouteWeights;
import dev.canarybot.service.port.TargetException;
import dev.canarybot.service.port.TrafficRouter;
import java.util.concurrent.atomic.AtomicInteger;

/** One route's weights in memory, with the real router's expected-weight rule. */
final class FakeTrafficRouter implements TrafficRouter {
  volatile RouteWeights weights = new RouteWeights(100, 0, false);
  volatile boolean gone;
  final AtomicInteger writes = new AtomicInteger();
  final AtomicInteger failNextWrites = new AtomicInteger();
  volatile boolean stableDropped;
  /** Runs once right after the next weight write: another writer in the gap before the record. */
  volatile Runnable afterNextWrite;

  @Override
  public RouteWeights read(ReleaseTarget target) {
    if (gone) {
      throw new TargetException("VirtualService " + target.virtualService() + "." + target.namespace()
          + " not found");
    }
    return weights;
  }

  @Override
  public synchronized RouteWeights setWeights(ReleaseTarget target, int expectedCanary, int canaryWeight) {
    RouteWeights now = read(target);
    if (now.canary() == canaryWeight) {
      return now;
    }
    if (now.canary() != expectedCanary) {
      throw new RouteDriftException("found " + now.describe(), now);
    }
    if (failNextWrites.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
      throw new IllegalStateException("connection reset");
    }
    writes.incrementAndGet();
    weights = new RouteWeights(100 - canaryWeight, canaryWeight, true);
    Runnable after = afterNextWrite;
    afterNextWrite = null;
    if (after != null) {
      after.run();
    }
    return weights;
  }

  @Override
  public RouteWeights dropStable(ReleaseTarget target) {
    stableDropped = true;
    return weights;
  }

  /** The testers' route on the VirtualService, or null; its digest is the condition it matches. */
  volatile AddedRoute testers;

  @Override
  public synchronized AddedRoute setTesters(ReleaseTarget target, String release, TestersMatch desired,
      AddedRoute applied, boolean takeBack) {
    read(target);
    AddedRoute wanted = desired == null ? null
        : new AddedRoute(AddedRoute.testersName(release), desired.describe(), "api.example.com/");
    if (java.util.Objects.equals(testers, wanted)) {
      return testers;
    }
    if (!java.util.Objects.equals(testers, applied) && !(takeBack && applied != null)) {
      throw new AddedRouteDriftException("the testers' route was changed outside canary-bot");
    }
    writes.incrementAndGet();
    testers = wanted;
    return testers;
  }

  /** What a person with kubectl edit does. */
  void editByHand(int stable, int canary) {
    weights = new RouteWeights(stable, canary, true);
  }
}
