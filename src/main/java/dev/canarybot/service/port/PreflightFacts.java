package dev.canarybot.service.port;

import dev.canarybot.release.StartFacts;

/** What the preflight of a start reads about a Deployment and its pods. Reads only. */
public interface PreflightFacts {

  /**
   * The Deployment's rollout state, pod template images and whether its pods are in the mesh;
   * {@link StartFacts.Workload#missing} when it is not there.
   *
   * @throws TargetException when the cluster cannot be read
   */
  StartFacts.Workload workload(String namespace, String deployment);
}
