package dev.canarybot.demo;

import io.fabric8.kubernetes.client.Config;
import io.quarkus.kubernetes.client.KubernetesConfigCustomizer;
import jakarta.inject.Singleton;

/**
 * Points the bot's KubernetesClient at the demo's API. {@code quarkus.kubernetes-client.*} is
 * fixed when the app is built (prod for the jar), so this runs when the client is created, and
 * starts the API first: whichever startup work asks the cluster first finds it listening. A
 * kubeconfig's credentials are dropped so a real cluster's token never reaches the demo.
 */
@Singleton
public class DemoKubernetesConfig implements KubernetesConfigCustomizer {
  private final DemoConfig demo;
  private final DemoKubernetesApi api;

  public DemoKubernetesConfig(DemoConfig demo, DemoKubernetesApi api) {
    this.demo = demo;
    this.api = api;
  }

  @Override
  public void customize(Config config) {
    if (!demo.enabled()) {
      return;
    }
    api.start();
    config.setMasterUrl(api.url());
    config.setNamespace("default");
    config.setOauthToken(null);
    config.setOauthTokenProvider(null);
    config.setAuthProvider(null);
    config.setUsername(null);
    config.setPassword(null);
    config.setClientCertData(null);
    config.setClientCertFile(null);
    config.setClientKeyData(null);
    config.setClientKeyFile(null);
  }
}
