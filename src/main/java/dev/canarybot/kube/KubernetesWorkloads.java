package dev.canarybot.kube;

import dev.canarybot.cluster.KubernetesErrors;
import dev.canarybot.service.port.TargetException;
import dev.canarybot.service.port.Workloads;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Scales and deletes the Deployments behind the subsets. */
@ApplicationScoped
public class KubernetesWorkloads implements Workloads {
  private static final int HTTP_NOT_FOUND = 404;

  private final KubernetesClient client;

  @Inject
  public KubernetesWorkloads(KubernetesClient client) {
    this.client = client;
  }

  @Override
  public void scaleToZero(String namespace, String deployment) {
    var resource = client.apps().deployments().inNamespace(namespace).withName(deployment);
    try {
      if (resource.get() == null) {
        throw new TargetException("Deployment " + deployment + "." + namespace + " not found");
      }
      resource.scale(0);
    } catch (KubernetesClientException e) {
      if (e.getCode() == HTTP_NOT_FOUND) {
        throw new TargetException("Deployment " + deployment + "." + namespace + " not found", e);
      }
      throw new TargetException("Deployment " + deployment + "." + namespace + " scale to 0 failed: "
          + KubernetesErrors.summary(e), e);
    }
  }

  @Override
  public void delete(String namespace, String deployment) {
    try {
      // Deleting what is already gone returns an empty list, not an error: cleanup may be repeated.
      client.apps().deployments().inNamespace(namespace).withName(deployment).delete();
    } catch (KubernetesClientException e) {
      if (e.getCode() != HTTP_NOT_FOUND) {
        throw new TargetException("Deployment " + deployment + "." + namespace + " delete failed: "
            + KubernetesErrors.summary(e), e);
      }
    }
  }
}
