package dev.canarybot.service.port;

/** The Deployments behind the subsets. */
public interface Workloads {

  /** Scales the Deployment to zero replicas; a missing Deployment is a {@link TargetException}. */
  void scaleToZero(String namespace, String deployment);

  /** Deletes the Deployment; one that is already gone is fine. */
  void delete(String namespace, String deployment);
}
