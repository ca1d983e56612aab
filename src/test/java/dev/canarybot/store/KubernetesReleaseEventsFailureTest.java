package dev.canarybot.store;

import static org.assertj.core.api.Assertions.assertThatCode;

import dev.canarybot.release.CanaryRelease;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.time.Clock;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Events are best effort: an unreachable API server is logged, never thrown at the caller. */
class KubernetesReleaseEventsFailureTest {

  @Test
  void unreachableApiServerDoesNotThrow() {
    try (KubernetesClient unreachable = new KubernetesClientBuilder().withConfig(new ConfigBuilder()
        .withMasterUrl("http://127.0.0.1:1").withRequestTimeout(2000).withConnectionTimeout(2000)
        .withRequestRetryBackoffLimit(0).build()).build()) {
      KubernetesReleaseEvents events =
          new KubernetesReleaseEvents(unreachable, Clock.fixed(Releases.T0, ZoneOffset.UTC));
      CanaryRelease release = Releases.started("default", "api-vs");

      assertThatCode(() -> events.transitioned(release, release.status().last())).doesNotThrowAnyException();
      assertThatCode(() -> events.warning(release, "RouteWriteFailed", "boom")).doesNotThrowAnyException();
    }
  }
}
