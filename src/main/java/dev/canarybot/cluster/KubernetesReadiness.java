package dev.canarybot.cluster;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.VersionInfo;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready only while the API server answers: every Slack action reads and writes the cluster, so
 * a replica that cannot reach it should get no traffic. {@code GET /version} is the cheapest
 * call there is and needs no RBAC grant.
 */
@Readiness
@ApplicationScoped
public class KubernetesReadiness implements HealthCheck {
  private final KubernetesClient client;

  public KubernetesReadiness(KubernetesClient client) {
    this.client = client;
  }

  @Override
  public HealthCheckResponse call() {
    var response = HealthCheckResponse.named("kubernetes").withData("api", client.getMasterUrl().toString());
    try {
      VersionInfo version = client.getKubernetesVersion();
      return response.up().withData("version", version.getGitVersion() == null ? "" : version.getGitVersion()).build();
    } catch (RuntimeException e) {
      return response.down().withData("error", String.valueOf(e.getMessage())).build();
    }
  }
}
