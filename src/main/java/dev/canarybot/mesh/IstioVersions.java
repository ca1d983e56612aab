package dev.canarybot.mesh;

import dev.canarybot.service.port.ClusterUnavailableException;
import dev.canarybot.service.port.TargetException;
import io.fabric8.kubernetes.api.model.APIGroup;
import io.fabric8.kubernetes.api.model.GroupVersionForDiscovery;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Asks the API server at start which {@code networking.istio.io} versions it serves (unless both
 * kinds are pinned) and keeps the choice. A failed ask is not kept: the next use asks again, so a
 * bot started before Istio was installed, or while the API server was away, recovers on its own.
 */
@ApplicationScoped
public class IstioVersions {
  private static final Logger LOG = Logger.getLogger(IstioVersions.class);

  private final KubernetesClient client;
  private final MeshConfig config;
  private IstioApiVersions chosen;

  @Inject
  public IstioVersions(KubernetesClient client, MeshConfig config) {
    this.client = client;
    this.config = config;
  }

  void atStart(@Observes StartupEvent started) {
    try {
      LOG.infof("Istio API: %s", get().describe());
    } catch (TargetException | ClusterUnavailableException e) {
      // Not fatal: a cluster without Istio may still be served otherwise, and the ask is repeated.
      LOG.warnf("Istio API versions not chosen yet, asked again at first use: %s", e.getMessage());
    }
  }

  /**
   * @throws IllegalArgumentException when a pin is malformed
   * @throws TargetException when the API server serves no version the bot knows
   * @throws ClusterUnavailableException when the API server could not be asked
   */
  public synchronized IstioApiVersions get() {
    if (chosen == null) {
      chosen = IstioVersionChoice.choose(
          config.virtualServiceApiVersion(), config.destinationRuleApiVersion(), this::served);
    }
    return chosen;
  }

  /** The group as {@code GET /apis/networking.istio.io} describes it; a 404 is "not served". */
  ServedVersions served() {
    APIGroup group;
    try {
      group = client.getApiGroup(IstioVersionChoice.GROUP);
    } catch (KubernetesClientException e) {
      throw new ClusterUnavailableException("asking the Kubernetes API which " + IstioVersionChoice.GROUP
          + " versions it serves failed: " + e.getMessage(), e);
    }
    if (group == null || group.getVersions() == null) {
      return ServedVersions.none(IstioVersionChoice.GROUP);
    }
    List<String> versions = group.getVersions().stream()
        .map(GroupVersionForDiscovery::getVersion).filter(v -> v != null && !v.isBlank()).toList();
    String preferred = group.getPreferredVersion() == null ? null : group.getPreferredVersion().getVersion();
    return new ServedVersions(IstioVersionChoice.GROUP, versions, preferred);
  }
}
