package dev.canarybot.testing;

import dev.canarybot.kube.KubernetesPreflightFacts;
import dev.canarybot.release.StartFacts;
import dev.canarybot.service.CanaryConfig;
import dev.canarybot.service.StartPreflight;
import dev.canarybot.service.port.MetricsSource;
import dev.canarybot.service.port.PreflightFacts;
import dev.canarybot.service.port.TargetResolver;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.List;
import java.util.Map;

/** The checks before a start, for tests that are about something else. */
public final class Preflights {
  /** Metrics that cannot tell (the checks warn and the start goes on). */
  public static final MetricsSource NO_METRICS = (releases, window) -> Map.of();

  /** Every Deployment exists, has rolled out, and runs one meshed pod of its own image. */
  public static final PreflightFacts MESHED = (ns, name) -> new StartFacts.Workload(name, true, false, 1L, 1L,
      1, 1, List.of("example/" + name + ":1"), List.of(new StartFacts.PodMesh(name + "-0", true, false)));

  private Preflights() {}

  /** Passing checks over fakes. */
  public static StartPreflight passing(TargetResolver resolver, CanaryConfig config) {
    return new StartPreflight(MESHED, resolver, NO_METRICS, config);
  }

  /** The real checks against a test API server. */
  public static StartPreflight of(KubernetesClient client, TargetResolver resolver, CanaryConfig config) {
    return new StartPreflight(new KubernetesPreflightFacts(client), resolver, NO_METRICS, config);
  }
}
