package dev.canarybot.cluster;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;

/**
 * The bot's KubernetesClient, built as quarkus-kubernetes-client's default producer builds it
 * (its Config, customizers included, and its serialization) plus a {@link KubernetesRequestCounter}.
 * Quarkus 3.33 offers customizers for the Config and the ObjectMapper but none for the client
 * builder, and interceptors live on the builder's HTTP client, so this producer replaces the
 * default bean.
 */
public class CountedKubernetesClient {

  @Produces
  @ApplicationScoped
  KubernetesClient kubernetesClient(KubernetesSerialization serialization, Config config, MeterRegistry meters) {
    return new KubernetesClientBuilder()
        .withKubernetesSerialization(serialization)
        .withConfig(config)
        .withHttpClientBuilderConsumer(http ->
            http.addOrReplaceInterceptor(KubernetesRequestCounter.NAME, new KubernetesRequestCounter(meters)))
        .build();
  }

  void close(@Disposes KubernetesClient client) {
    client.close();
  }
}
