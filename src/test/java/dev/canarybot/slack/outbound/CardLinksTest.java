package dev.canarybot.slack.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.canarybot.metrics.PrometheusMetricsSource;
import dev.canarybot.metrics.QueryTemplates;
import dev.canarybot.release.CanaryRelease;
import dev.canarybot.release.Command;
import dev.canarybot.release.Decision;
import dev.canarybot.release.ReleasePlan;
import dev.canarybot.release.ReleaseStateMachine;
import dev.canarybot.release.ReleaseTarget;
import dev.canarybot.service.CanaryConfig;
import dev.canarybot.service.TestConfig;
import dev.canarybot.service.port.MetricsSource;
import dev.canarybot.slack.view.DashboardLinks;
import dev.canarybot.slack.view.InvalidLinkException;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The links setting stops the bean, so the bot's start, when wrong; and links use the analysis' version. */
class CardLinksTest {
  static final Instant T0 = Instant.parse("2026-11-28T10:00:00Z");

  static CanaryConfig links(Map<String, String> links) {
    return new TestConfig() {
      @Override public Map<String, String> links() { return links; }
    };
  }

  static MetricsSource prometheus(Map<String, String> subsetVersions) {
    return new PrometheusMetricsSource(Optional.empty(), QueryTemplates.defaults(), subsetVersions,
        (ns, deployment, since) -> null, new SimpleMeterRegistry(), Clock.fixed(T0, ZoneOffset.UTC));
  }

  static CanaryRelease release(String canarySubset) {
    ReleaseTarget target = new ReleaseTarget("default", "api-vs", "primary",
        "api-service.default.svc.cluster.local", "stable", canarySubset, "api-v1", "api-v2");
    return ((Decision.Accepted) ReleaseStateMachine.decide(null,
        new Command.Start("<@U1>", "api-vs", target, ReleasePlan.DEFAULT, true, 0), T0)).release();
  }

  @Test
  void aTypoInATemplateFailsTheStartWithTheRightForm() {
    CanaryConfig config = links(Map.of("jaeger", "https://jaeger.example/search?service={{canaryWorkload}}"
        + ".{{namespace}}&start={{since}}000&end={{now}}"));
    assertThatThrownBy(() -> new CardLinks(config, prometheus(Map.of())))
        .isInstanceOf(InvalidLinkException.class)
        .hasMessageContaining("canary.links.jaeger")
        .hasMessageContaining("unknown placeholder {{now}}")
        .hasMessageContaining("write an absolute http(s) URL with placeholders among {{namespace}}");
  }

  @Test
  void theVersionIsTheOneTheAnalysisReadsForTheCanarySubset() {
    CardLinks links = new CardLinks(links(Map.of("grafana",
        "https://grafana.example/d/UbsSZTDik/istio-workload-dashboard?var-version={{version}}&from={{since}}")),
        prometheus(Map.of("canary", "2.4.1")));
    assertThat(links.of(release("canary"))).extracting(DashboardLinks.Link::url)
        .containsExactly("https://grafana.example/d/UbsSZTDik/istio-workload-dashboard?var-version=2.4.1"
            + "&from=1795860000000");
    // Without an override the version label is the subset's name, as Istio's convention has it.
    assertThat(links.of(release("v2"))).extracting(DashboardLinks.Link::url)
        .containsExactly("https://grafana.example/d/UbsSZTDik/istio-workload-dashboard?var-version=v2"
            + "&from=1795860000000");
  }

  @Test
  void noLinksConfiguredIsNoLinks() {
    assertThat(new CardLinks(links(Map.of()), prometheus(Map.of())).of(release("v2"))).isEmpty();
  }
}
