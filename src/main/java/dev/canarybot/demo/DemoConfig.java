package dev.canarybot.demo;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The embedded demo ({@code canary.demo.*}). Read at run time, not build time, so the packaged
 * app (built with the prod profile) runs the demo with {@code -Dquarkus.profile=demo} and
 * nothing else: the demo profile sets {@code canary.demo.enabled=true}.
 */
@ConfigMapping(prefix = "canary.demo")
public interface DemoConfig {

  /** Whether the demo's Kubernetes API, simulator, Slack stand-in and page run at all. */
  @WithDefault("false")
  boolean enabled();

  /** Port of the in-process Kubernetes API (plain HTTP, 127.0.0.1). */
  @WithDefault("8090")
  int kubernetesPort();

  /** Folder of manifests the Kubernetes API starts with. */
  @WithDefault("manifests/examples")
  String manifests();

  /** The CanaryRelease CRD, created first so the API treats status as a subresource. */
  @WithDefault("manifests/crd/canaryreleases.canarybot.dev-v1.yml")
  String crd();

  /**
   * How long a new pod of a Deployment takes to become ready once the demo's deployment
   * controller creates it (when the Deployment is scaled up).
   */
  @WithDefault("2s")
  java.time.Duration podReadyDelay();

  /** Channel the page shows; the bot's {@code canary.channel} in the demo. */
  @WithDefault("C0DEMO")
  String channel();

  /** Slack user IDs the page can act as. */
  Users users();

  /** The simulated traffic. */
  Traffic traffic();

  /** Slack user IDs the page can act as; the demo's operators and approvers are these. */
  interface Users {
    /** May start, pause, resume and roll back. */
    @WithDefault("U0OPERATOR")
    String operator();

    /** May also promote and clean up. */
    @WithDefault("U0APPROVER")
    String approver();

    /** Neither: shows what authorization refuses. */
    @WithDefault("U0OUTSIDER")
    String outsider();
  }

  /** The simulated traffic. */
  interface Traffic {
    /**
     * Requests per second to the example service, split by the VirtualService's weights. High
     * enough that 10 % of it proves a 5xx rate below 0.1 % within a short demo window.
     */
    @WithDefault("2000")
    double rps();

    /**
     * Requests per second one ready pod serves at its normal latency. Above it a version's
     * latency grows with the square of the overload (see {@code LoadModel}); the default keeps
     * the example app's pods below it at every step of a release that scales nothing.
     */
    @WithDefault("800")
    double rpsPerPod();

    /** How often requests are served and the weights re-read from the Kubernetes API. */
    @WithDefault("1s")
    java.time.Duration tick();

    /** Seed of the simulator's randomness, for repeatable numbers. */
    @WithDefault("42")
    long seed();

    /** VirtualService whose live weights drive the split. */
    @WithDefault("api-vs")
    String virtualService();

    /** Namespace of that VirtualService. */
    @WithDefault("default")
    String namespace();

    /** Stable and canary versions (subset names) of the route. */
    @WithDefault("v1")
    String stableVersion();

    /** The canary subset. */
    @WithDefault("v2")
    String canaryVersion();

    /** {@code destination_service} of the series: the host as the bot qualifies it. */
    @WithDefault("api-service.default.svc.cluster.local")
    String host();
  }
}
