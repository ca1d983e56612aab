package dev.canarybot.demo;

import dev.canarybot.metrics.PrometheusConfig;
import dev.canarybot.slack.SlackSettings;
import dev.canarybot.slack.SlackStartupCheck;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.http.HttpServerStart;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.ObservesAsync;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Refuses to start the demo on anything but loopback; starts the demo's Kubernetes API before any
 * other startup work (the Slack check, Socket Mode, the jobs) can ask the cluster anything, then
 * the traffic; says where the page is, with this start's token, once the HTTP server listens.
 * Does nothing unless {@code canary.demo.enabled}.
 */
@ApplicationScoped
public class DemoStartup {
  private static final Logger LOG = Logger.getLogger(DemoStartup.class);
  private final DemoConfig config;
  private final DemoKubernetesApi kubernetes;
  private final DemoTraffic traffic;
  private final DemoSlack slack;
  private final PrometheusConfig prometheus;
  private final SlackSettings settings;
  private final SlackStartupCheck startupCheck;
  private final DemoToken token;
  private final String httpHost;

  public DemoStartup(DemoConfig config, DemoKubernetesApi kubernetes, DemoTraffic traffic, DemoSlack slack,
      PrometheusConfig prometheus, SlackSettings settings, SlackStartupCheck startupCheck, DemoToken token,
      @ConfigProperty(name = "quarkus.http.host") String httpHost) {
    this.token = token;
    this.httpHost = httpHost;
    this.settings = settings;
    this.startupCheck = startupCheck;
    this.prometheus = prometheus;
    this.config = config;
    this.kubernetes = kubernetes;
    this.traffic = traffic;
    this.slack = slack;
  }

  /** Runs before the HTTP server opens its socket, so a refused demo is never reachable. */
  void start(@Observes @Priority(1) StartupEvent started) {
    if (config.enabled()) {
      DemoBinding.refusal(httpHost).ifPresent(why -> {
        throw new IllegalStateException(why);
      });
      kubernetes.start();
      traffic.start();
    }
  }

  void listening(@ObservesAsync HttpServerStart server) {
    if (!config.enabled()) {
      return;
    }
    int port = server.options().getPort();
    slack.servedOn(port);
    if (!settings.checkAtStartup()) {
      try {
        startupCheck.verify();
      } catch (RuntimeException e) {
        LOG.errorf("demo: the Slack Web API refused the bot token or cannot be reached: %s", e.getMessage());
      }
    }
    String host = server.options().getHost();
    String base = "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    String page = base + "/demo?" + DemoAccess.TOKEN_PARAM + "=" + token.value();
    LOG.infof("%n"
        + "  canary-bot demo: open %s  (the Slack stand-in page, channel %s%s)%n"
        + "    this start's token    export DEMO_TOKEN=%s  (the page's API and the knobs want it in the %s header)%n"
        + "    traffic control       curl -H \"%s: $DEMO_TOKEN\" -XPOST %s/demo/traffic -d '{\"version\":\"v2\",\"errorRate\":0.05}'%n"
        + "    Kubernetes API        %s  (try: curl %s/apis/networking.istio.io/v1beta1/namespaces/default/virtualservices/api-vs)%n"
        + "    mesh metrics          %s/demo/mesh/metrics%n"
        + "    pods                  curl -H \"%s: $DEMO_TOKEN\" -XPOST %s/demo/pods -d '{\"deployment\":\"api-v2\",\"fail\":\"ImagePullBackOff\"}'  (new pods ready after %s)%n"
        + "    Slack Web API         %s%n"
        + "    canary metrics from   %s",
        page, slack.channel(), slack.external() ? ", sent to the real Slack at SLACK_API_URL" : "",
        token.value(), DemoAccess.TOKEN_HEADER, DemoAccess.TOKEN_HEADER, base,
        kubernetes.url(), kubernetes.url(), base, DemoAccess.TOKEN_HEADER, base, readyDelay(),
        slack.external() ? "SLACK_API_URL (external)" : base + DemoSlack.BASE_PATH + "api/",
        prometheus.url().map(url -> "Prometheus at " + url).orElse("the in-process simulator"));
  }

  private String readyDelay() {
    long millis = config.podReadyDelay().toMillis();
    return millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
  }

  void stop(@Observes ShutdownEvent stopping) {
    traffic.stop();
    kubernetes.stop();
  }
}
