package dev.canarybot.mesh;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.canarybot.cluster.KubernetesErrors;
import dev.canarybot.release.AddedRoute;
import dev.canarybot.release.ReleaseTarget;
import dev.canarybot.release.TestersMatch;
import dev.canarybot.service.port.ClusterUnavailableException;
import dev.canarybot.service.port.ConflictException;
import dev.canarybot.service.port.RouteDriftException;
import dev.canarybot.service.port.RouteWeights;
import dev.canarybot.service.port.TargetException;
import dev.canarybot.service.port.TrafficRouter;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.function.Function;

/**
 * Moves a route's weights by read, decide ({@link WeightChange}), and an update that carries the
 * resourceVersion it read.
 *
 * <p>Why not a JSON Patch with {@code test} ops: the update with resourceVersion is the same
 * compare-and-swap on a real API server (a stale write gets 409), it re-decides on the fresh
 * object instead of failing blind, and fabric8's mock server never answers a patch whose test
 * fails, which would make the tests hang rather than fail.
 */
@ApplicationScoped
public class IstioTrafficRouter implements TrafficRouter {
  private static final int HTTP_CONFLICT = 409;
  private static final int HTTP_NOT_FOUND = 404;

  /** Runs between the read and the write; lets a test play the other writer in that gap. */
  interface BeforeWrite {
    BeforeWrite NONE = read -> {};

    void run(GenericKubernetesResource read);
  }

  private final IstioApi istio;
  private final MeshHosts hosts;
  private final int writeAttempts;
  private final BeforeWrite beforeWrite;

  @Inject
  public IstioTrafficRouter(KubernetesClient client, MeshConfig config, IstioVersions versions) {
    this(client, config, versions, BeforeWrite.NONE);
  }

  /** A router that chooses its Istio versions on its own, as a separate replica would. */
  public IstioTrafficRouter(KubernetesClient client, MeshConfig config) {
    this(client, config, new IstioVersions(client, config), BeforeWrite.NONE);
  }

  IstioTrafficRouter(KubernetesClient client, MeshConfig config, BeforeWrite beforeWrite) {
    this(client, config, new IstioVersions(client, config), beforeWrite);
  }

  private IstioTrafficRouter(
      KubernetesClient client, MeshConfig config, IstioVersions versions, BeforeWrite beforeWrite) {
    this.istio = new IstioApi(client, versions);
    this.hosts = new MeshHosts(config.clusterDomain());
    this.writeAttempts = Math.max(1, config.writeAttempts());
    this.beforeWrite = beforeWrite;
  }

  @Override
  public RouteWeights read(ReleaseTarget target) {
    TargetRoute route = new RouteLocator(hosts).locate(istio.tree(get(target)), target);
    if (route.stable() == null) {
      throw new TargetException(target.describe() + ": the stable subset " + target.stableSubset()
          + " is no longer on the route (found " + route.route().describeDestinations() + ")");
    }
    return route.weights();
  }

  @Override
  public RouteWeights setWeights(ReleaseTarget target, int expectedCanary, int canaryWeight) {
    return change(target, tree -> WeightChange.of(tree, target, expectedCanary, canaryWeight, hosts));
  }

  @Override
  public RouteWeights dropStable(ReleaseTarget target) {
    return change(target, tree -> WeightChange.dropStable(tree, target, hosts));
  }

  @Override
  public AddedRoute setTesters(ReleaseTarget target, String release, TestersMatch desired, AddedRoute applied,
      boolean takeBack) {
    for (int attempt = 1; attempt <= writeAttempts; attempt++) {
      GenericKubernetesResource read = get(target);
      TestersRoute change = TestersRoute.decide(istio.tree(read), target, release, desired, applied, takeBack,
          hosts);
      if (change.isEmpty()) {
        return change.route();
      }
      beforeWrite.run(read);
      if (write(target, change.after())) {
        return change.route();
      }
    }
    throw new ConflictException(name(target) + " update failed: it changed under every one of "
        + writeAttempts + " attempts; try again");
  }

  @Override
  public String byHand(ReleaseTarget target, int canaryWeight) {
    try {
      TargetRoute found = new RouteLocator(hosts).locate(istio.tree(get(target)), target);
      if (found.stable() == null || found.canary() == null) {
        return TrafficRouter.super.byHand(target, canaryWeight);
      }
      String base = "/spec/http/" + found.route().index() + "/route/";
      return "kubectl -n " + target.namespace() + " patch virtualservice " + target.virtualService()
          + " --type=json -p '[{\"op\":\"replace\",\"path\":\"" + base + found.stable().index()
          + "/weight\",\"value\":" + (100 - canaryWeight) + "},{\"op\":\"replace\",\"path\":\"" + base
          + found.canary().index() + "/weight\",\"value\":" + canaryWeight + "}]'";
    } catch (RuntimeException e) {
      // The API may be what failed the rollback: the person still gets a command to run.
      return TrafficRouter.super.byHand(target, canaryWeight);
    }
  }

  private RouteWeights change(ReleaseTarget target, Function<ObjectNode, WeightChange> decide) {
    for (int attempt = 1; attempt <= writeAttempts; attempt++) {
      GenericKubernetesResource read = get(target);
      ObjectNode tree = istio.tree(read);
      WeightChange change = decide.apply(tree);
      if (change.isEmpty()) {
        return change.before();
      }
      beforeWrite.run(read);
      if (write(target, change.applyTo(tree, target))) {
        return verify(target, change);
      }
    }
    throw new ConflictException(name(target) + " update failed: it changed under every one of "
        + writeAttempts + " attempts; try again");
  }

  /**
   * Updates with the resourceVersion read; false when someone wrote since, so the caller
   * decides again on what they wrote.
   */
  private boolean write(ReleaseTarget target, ObjectNode next) {
    try {
      istio.virtualServices().inNamespace(target.namespace()).resource(istio.resource(next)).update();
      return true;
    } catch (KubernetesClientException e) {
      if (e.getCode() == HTTP_CONFLICT) {
        return false;
      }
      if (e.getCode() == HTTP_NOT_FOUND) {
        throw new TargetException(name(target) + " was deleted while it was being changed", e);
      }
      // Only a missing object means the target is gone; anything else may pass, and must not
      // fail a release: the resync writes again.
      throw new ClusterUnavailableException(name(target) + " update failed: " + KubernetesErrors.summary(e), e);
    }
  }

  /** Reads the route back, as a write that was accepted can still be overtaken at once. */
  private RouteWeights verify(ReleaseTarget target, WeightChange change) {
    RouteWeights found = new RouteLocator(hosts).locate(istio.tree(get(target)), target).weights();
    if (!found.equals(change.after())) {
      throw new RouteDriftException(name(target) + " reads back " + found.describe()
          + " after writing " + change.after().describe() + "; someone else changed it", found);
    }
    return found;
  }

  private GenericKubernetesResource get(ReleaseTarget target) {
    GenericKubernetesResource vs;
    try {
      vs = istio.virtualServices().inNamespace(target.namespace()).withName(target.virtualService()).get();
    } catch (KubernetesClientException e) {
      throw new ClusterUnavailableException(name(target) + " read failed: " + KubernetesErrors.summary(e), e);
    }
    if (vs == null) {
      throw new TargetException(name(target) + " not found");
    }
    return vs;
  }

  private static String name(ReleaseTarget target) {
    return "VirtualService " + target.virtualService() + "." + target.namespace();
  }
}
