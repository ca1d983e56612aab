package dev.canarybot.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.canarybot.testing.CrudApiServer;
import dev.canarybot.testing.Eventually;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The interceptor on a real fabric8 client against the CRUD mock API server: one count per request. */
class KubernetesRequestCounterTest {
  SimpleMeterRegistry meters;
  CrudApiServer api;
  KubernetesClient client;

  @BeforeEach
  void start() {
    meters = new SimpleMeterRegistry();
    api = new CrudApiServer();
    client = api.client(counted());
  }

  @AfterEach
  void stop() {
    client.close();
    api.close();
  }

  Consumer<KubernetesClientBuilder> counted() {
    return b -> b.withHttpClientBuilderConsumer(http ->
        http.addOrReplaceInterceptor(KubernetesRequestCounter.NAME, new KubernetesRequestCounter(meters)));
  }

  double count(String verb, String resource, String outcome) {
    Counter c = meters.find(KubernetesRequestCounter.NAME)
        .tags("verb", verb, "resource", resource, "outcome", outcome).counter();
    return c == null ? 0 : c.count();
  }

  static ConfigMap freeze(String value) {
    return new ConfigMapBuilder().withNewMetadata().withName("canary-freeze").withNamespace("shop").endMetadata()
        .addToData("frozen", value).build();
  }

  @Test
  void eachVerbIsCountedOnceWithItsOutcome() {
    ConfigMap created = client.configMaps().resource(freeze("no")).create();
    client.configMaps().inNamespace("shop").withName("canary-freeze").get();
    assertThat(client.configMaps().inNamespace("shop").withName("absent").get()).isNull();
    client.configMaps().inNamespace("shop").list();
    client.configMaps().resource(new ConfigMapBuilder(created).addToData("frozen", "yes").build()).update();
    // The first version again: the server has moved on, so the compare-and-swap loses.
    assertThatThrownBy(() -> client.configMaps().resource(created).update())
        .isInstanceOf(KubernetesClientException.class);
    client.configMaps().inNamespace("shop").withName("canary-freeze").delete();

    assertThat(count("create", "configmaps", "ok")).isEqualTo(1);
    assertThat(count("get", "configmaps", "ok")).isEqualTo(1);
    assertThat(count("get", "configmaps", "not_found")).isEqualTo(1);
    assertThat(count("list", "configmaps", "ok")).isEqualTo(1);
    assertThat(count("update", "configmaps", "ok")).isEqualTo(1);
    assertThat(count("update", "configmaps", "conflict")).isEqualTo(1);
    assertThat(count("delete", "configmaps", "ok")).isEqualTo(1);
    assertThat(meters.find(KubernetesRequestCounter.NAME).counters().stream().mapToDouble(Counter::count).sum())
        .isEqualTo(7);
  }

  @Test
  void aWatchIsCountedAsAWatch() {
    try (Watch watch = client.configMaps().inNamespace("shop").watch(new Watcher<>() {
      @Override
      public void eventReceived(Action action, ConfigMap resource) {}

      @Override
      public void onClose(WatcherException cause) {}
    })) {
      Eventually.await("a counted watch", () -> count("watch", "configmaps", "ok"), n -> n == 1);
    }
  }

  @Test
  void anUnreachableServerIsCountedAsUnreachableForEachRetriedAttempt() {
    try (KubernetesClient unreachable = new KubernetesClientBuilder().withConfig(new ConfigBuilder()
        .withMasterUrl("http://127.0.0.1:1").withRequestTimeout(2000).withConnectionTimeout(2000)
        .withRequestRetryBackoffLimit(2).withRequestRetryBackoffInterval(10).build()).withHttpClientBuilderConsumer(http ->
            http.addOrReplaceInterceptor(KubernetesRequestCounter.NAME, new KubernetesRequestCounter(meters)))
        .build()) {
      assertThatThrownBy(() -> unreachable.configMaps().inNamespace("shop").withName("canary-freeze").get())
          .isInstanceOf(KubernetesClientException.class);
    }
    // Three attempts; fabric8 tells interceptors of a connection failure only when it retries,
    // so the last attempt, the one it gives up on, is not seen.
    assertThat(count("get", "configmaps", "unreachable")).isEqualTo(2);
  }
}
