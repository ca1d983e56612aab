package dev.canarybot.service.port;

import dev.canarybot.release.ReleaseTarget;
import dev.canarybot.release.StartFacts;
import java.util.Optional;

/** Finds the route, subsets and Deployments a release would work on. Reads only. */
public interface TargetResolver {

  /**
   * @throws TargetException naming what was looked for and what was found, when any piece is
   *     missing or ambiguous
   */
  ResolvedTarget resolve(TargetQuery query);

  /**
   * What is wrong when the target's Deployments are not the ones its subsets select (a
   * hand-made or hand-edited CanaryRelease naming some other Deployment); empty when they are,
   * or when a Deployment is gone (there is nothing left to retire by mistake).
   */
  default Optional<String> workloadMismatch(ReleaseTarget target) {
    return Optional.empty();
  }

  /**
   * The annotations and owner references of the target's VirtualService, where other rollout
   * controllers mark a route as theirs; none when the resolver cannot tell.
   *
   * @throws TargetException when the VirtualService cannot be read
   */
  default StartFacts.RouteMeta routeMeta(ReleaseTarget target) {
    return StartFacts.RouteMeta.none();
  }
}
