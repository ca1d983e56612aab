package dev.canarybot.mesh;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MeshHostsTest {
  private final MeshHosts hosts = new MeshHosts();

  @Test
  void shortNamespacedAndSvcNamesExpandToTheFqdn() {
    assertThat(hosts.fqdn("api-service", "default")).isEqualTo("api-service.default.svc.cluster.local");
    assertThat(hosts.fqdn("api-service.default", "x")).isEqualTo("api-service.default.svc.cluster.local");
    assertThat(hosts.fqdn("api-service.default.svc", "x")).isEqualTo("api-service.default.svc.cluster.local");
    assertThat(hosts.fqdn("api-service.default.svc.cluster.local", "x"))
        .isEqualTo("api-service.default.svc.cluster.local");
  }

  @Test
  void externalHostsStayAsWritten() {
    assertThat(hosts.fqdn("api.example.com", "default")).isEqualTo("api.example.com");
  }

  @Test
  void theServiceOfAnFqdn() {
    assertThat(hosts.service("api-service.default.svc.cluster.local"))
        .isEqualTo(new MeshHosts.ServiceRef("default", "api-service"));
    assertThat(hosts.service("api.example.com")).isNull();
  }
}
