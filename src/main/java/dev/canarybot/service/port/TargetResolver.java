package dev.canarybot.service.port;

/** Finds the route, subsets and Deployments a release would work on. Reads only. */
public interface TargetResolver {

  /**
   * @throws TargetException naming what was looked for and what was found, when any piece is
   *     missing or ambiguous
   */
  ResolvedTarget resolve(TargetQuery query);
}
