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
import org.jboss.logging.Logger;

/**
 * Starts the demo's Kubernetes API before any other startup work (the Slack check, Socket Mode,
 * the jobs) can ask the cluster anything, then the traffic; says where the page is once the
 * HTTP server listens. Does nothing unless {@code canary.demo.enabled}.
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

  public DemoStartup(DemoConfig config, DemoKubernetesApi kubernetes, DemoTraffic traffic, DemoSlack slack,
      PrometheusConfig prometheus, SlackSettings settings, SlackStartupCheck startupCheck) {
    this.settings = settings;
    this.startupCheck = startupCheck;
    this.prometheus = prometheus;
    this.config = config;
    this.kubernetes = kubernetes;
    this.traffic = traffic;
    this.slack = slack;
  }

  void start(@Observes @Priority(1) StartupEvent started) {
    if (config.enabled()) {
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
    String base = "http://" + ("0.0.0.0".equals(server.options().getHost()) ? "localhost" : server.options().getHost())
        + ":" + port;
    LOG.infof("%n"
        + "  canary-bot demo: open %s/demo%n"
        + "    Slack stand-in page   %s/demo  (channel %s%s)%n"
        + "    Kubernetes API        %s  (try: curl %s/apis/networking.istio.io/v1beta1/namespaces/default/virtualservices/api-vs)%n"
        + "    mesh metrics          %s/demo/mesh/metrics   traffic control: POST %s/demo/traffic%n"
        + "    pods                  POST %s/demo/pods  {\"deployment\":\"api-v2\",\"fail\":\"ImagePullBackOff\"}, ready after %s%n"
        + "    Slack Web API         %s%n"
        + "    canary metrics from   %s",
        base, base, slack.channel(), slack.external() ? ", sent to the real Slack at SLACK_API_URL" : "",
        kubernetes.url(), kubernetes.url(), base, base, base, readyDelay(),
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
