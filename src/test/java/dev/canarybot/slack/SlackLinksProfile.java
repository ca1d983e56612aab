package dev.canarybot.slack;

import java.util.HashMap;
import java.util.Map;

/** {@link SlackProfile} with two dashboard links on every card. */
public class SlackLinksProfile extends SlackProfile {
  public static final String GRAFANA = "https://grafana.example/d/LJ_uJAvmk/istio-service-dashboard"
      + "?var-service={{service}}&from={{since}}&to=now";
  public static final String KIALI = "https://kiali.example/kiali/console/namespaces/{{namespace}}"
      + "/workloads/{{canaryWorkload}}?tab=info";

  @Override
  public Map<String, String> getConfigOverrides() {
    Map<String, String> overrides = new HashMap<>(super.getConfigOverrides());
    overrides.put("canary.links.grafana", GRAFANA);
    overrides.put("canary.links.kiali", KIALI);
    return overrides;
  }
}
