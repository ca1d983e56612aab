package dev.canarybot.mesh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.canarybot.release.ReleaseTarget;
import dev.canarybot.service.port.ResolvedTarget;
import dev.canarybot.service.port.RouteWeights;
import dev.canarybot.service.port.TargetException;
import dev.canarybot.service.port.TargetQuery;
import dev.canarybot.testing.ExampleCluster;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithKubernetesTestServer(crud = true)
class IstioTargetResolverTest {
  private static final String FQDN = "api-service.default.svc.cluster.local";

  @Inject KubernetesClient client;
  @Inject IstioTargetResolver resolver;

  private ExampleCluster cluster;

  @BeforeEach
  void loadExamples() {
    cluster = new ExampleCluster(client).reset();
  }

  private static TargetQuery query(String vs) {
    return new TargetQuery("default", vs, null, null, null);
  }

  private ObjectNode vs() {
    return cluster.virtualService("api-vs");
  }

  /** A second weighted route, so that the VirtualService offers two candidates. */
  private void addRoute(String name, int stable, int canary) {
    ObjectNode vs = vs();
    ObjectNode copy = vs.at("/spec/http/0").deepCopy();
    copy.put("name", name);
    ((ObjectNode) copy.at("/route/0")).put("weight", stable);
    ((ObjectNode) copy.at("/route/1")).put("weight", canary);
    ((ArrayNode) vs.at("/spec/http")).insert(0, copy);
    cluster.replaceVirtualService(vs);
  }

  private void deleteIstio(String kind, String name) {
    cluster.istio(kind).inNamespace("default").withName(name).delete();
  }

  @Test
  void resolvesTheExampleApp() {
    String version = vs().at("/metadata/resourceVersion").asText();

    ResolvedTarget resolved = resolver.resolve(query("api-vs"));

    assertThat(resolved.releaseName()).isEqualTo("api-vs");
    assertThat(resolved.target()).isEqualTo(
        new ReleaseTarget("default", "api-vs", "primary", FQDN, "v1", "v2", "api-v1", "api-v2"));
    assertThat(resolved.current()).isEqualTo(new RouteWeights(90, 10, true));
    assertThat(vs().at("/metadata/resourceVersion").asText()).isEqualTo(version);
  }

  @Test
  void unknownVirtualServiceListsTheOnesThatExist() {
    assertThatThrownBy(() -> resolver.resolve(query("web-vs")))
        .isInstanceOf(TargetException.class)
        .hasMessage("VirtualService web-vs.default not found; VirtualServices in default: [api-vs]");
  }

  @Test
  void unknownRouteNameListsTheRoutes() {
    assertThatThrownBy(() -> resolver.resolve(new TargetQuery("default", "api-vs", "beta", null, null)))
        .isInstanceOf(TargetException.class)
        .hasMessageContaining("no HTTP route named beta")
        .hasMessageContaining("route primary [api-service/v1=90, api-service/v2=10]");
  }

  @Test
  void missingDestinationRuleIsNamed() {
    deleteIstio("DestinationRule", "api-dr");
    assertThatThrownBy(() -> resolver.resolve(query("api-vs")))
        .isInstanceOf(TargetException.class)
        .hasMessage("no DestinationRule for host " + FQDN + " in default; DestinationRules there: none");
  }

  @Test
  void twoDestinationRulesForTheHostAreRefused() {
    ObjectNode dr = ExampleCluster.example("DestinationRule", "api-dr");
    ((ObjectNode) dr.path("metadata")).put("name", "api-dr-2");
    ((ObjectNode) dr.path("spec")).put("host", FQDN);
    cluster.create(dr);
    assertThatThrownBy(() -> resolver.resolve(query("api-vs")))
        .isInstanceOf(TargetException.class)
        .hasMessageContaining("several DestinationRules")
        .hasMessageContaining("api-dr (host api-service), api-dr-2 (host " + FQDN + ")");
  }

  @Test
  void subsetMissingInTheDestinationRuleListsTheSubsetsFound() {
    deleteIstio("DestinationRule", "api-dr");
    ObjectNode dr = ExampleCluster.example("DestinationRule", "api-dr");
    ((ArrayNode) dr.at("/spec/subsets")).remove(1);
    cluster.create(dr);
    assertThatThrownBy(() -> resolver.resolve(query("api-vs")))
        .isInstanceOf(TargetException.class)
        .hasMessage("DestinationRule api-dr.default (host " + FQDN + ") has no subset v2; subsets found: [v1]");
  }

  @Test
  void noDeploymentForASubsetNamesTheLabelsLookedFor() {
    client.apps().deployments().inNamespace("default").withName("api-v2").delete();
    assertThatThrownBy(() -> resolver.resolve(query("api-vs")))
        .isInstanceOf(TargetException.class)
        .hasMessageContaining("no Deployment in default has pods labelled {app=api, version=v2} (subset v2)")
        .hasMessageContaining("Deployments there: api-v1 {app=api, version=v1}");
  }

  @Test
  void twoDeploymentsForASubsetAreNamed() {
    ObjectNode copy = ExampleCluster.example("Deployment", "api-v2");
    ((ObjectNode) copy.path("metadata")).put("name", "api-v2-hotfix");
    cluster.create(copy);
    assertThatThrownBy(() -> resolver.resolve(query("api-vs")))
        .isInstanceOf(TargetException.class)
        .hasMessageContaining("several Deployments in default have pods labelled {app=api, version=v2}")
        .hasMessageContaining("[api-v2, api-v2-hotfix]");
  }

  @Test
  void aHostInAnotherNamespaceIsRefusedWithWhy() {
    ObjectNode vs = vs();
    vs.at("/spec/http/0/route").forEach(d -> ((ObjectNode) d.get("destination"))
        .put("host", "api-service.other.svc.cluster.local"));
    cluster.replaceVirtualService(vs);
    assertThatThrownBy(() -> resolver.resolve(query("api-vs")))
        .isInstanceOf(TargetException.class)
        .hasMessage("VirtualService api-vs.default routes to api-service.other.svc.cluster.local, a "
            + "Service in namespace other, not default; canary-bot runs a release only where its "
            + "VirtualService, Service and Deployments share one namespace. Start it from a "
            + "VirtualService in other instead");
  }

  @Test
  void missingServiceIsNamed() {
    client.services().inNamespace("default").withName("api-service").delete();
    assertThatThrownBy(() -> resolver.resolve(query("api-vs")))
        .isInstanceOf(TargetException.class)
        .hasMessage("Service api-service.default (host " + FQDN + ") not found; Services in default: none");
  }

  @Test
  void severalCandidateRoutesAskForTheRoute() {
    addRoute("beta", 80, 20);
    assertThatThrownBy(() -> resolver.resolve(query("api-vs")))
        .isInstanceOf(TargetException.class)
        .hasMessageContaining("route beta [api-service/v1=80, api-service/v2=20]")
        .hasMessageContaining("route primary [api-service/v1=90, api-service/v2=10]")
        .hasMessageContaining("--route");
  }

  @Test
  void aChosenRouteAmongSeveralNamesTheRelease() {
    addRoute("beta", 80, 20);
    ResolvedTarget resolved = resolver.resolve(new TargetQuery("default", "api-vs", "beta", null, null));
    assertThat(resolved.releaseName()).isEqualTo("api-vs-beta");
    assertThat(resolved.target().route()).isEqualTo("beta");
    assertThat(resolved.current()).isEqualTo(new RouteWeights(80, 20, true));
  }

  @Test
  void aStableOnlyRouteTakesTheDestinationRulesOtherSubsetAsCanary() {
    ObjectNode vs = vs();
    ((ArrayNode) vs.at("/spec/http/0/route")).remove(1);
    ((ObjectNode) vs.at("/spec/http/0/route/0")).remove("weight");
    cluster.replaceVirtualService(vs);

    ResolvedTarget resolved = resolver.resolve(query("api-vs"));

    assertThat(resolved.target().stableSubset()).isEqualTo("v1");
    assertThat(resolved.target().canarySubset()).isEqualTo("v2");
    assertThat(resolved.target().canaryWorkload()).isEqualTo("api-v2");
    assertThat(resolved.current()).isEqualTo(new RouteWeights(100, 0, false));
  }

  @Test
  void equalWeightsWithoutAHintAskWhichIsStable() {
    ObjectNode vs = vs();
    ((ObjectNode) vs.at("/spec/http/0/route/0")).put("weight", 50);
    ((ObjectNode) vs.at("/spec/http/0/route/1")).put("weight", 50);
    cluster.replaceVirtualService(vs);

    assertThatThrownBy(() -> resolver.resolve(query("api-vs")))
        .isInstanceOf(TargetException.class)
        .hasMessageContaining("--stable <subset> or --canary <subset>");
    ResolvedTarget resolved = resolver.resolve(new TargetQuery("default", "api-vs", null, null, "v1"));
    assertThat(resolved.target().stableSubset()).isEqualTo("v2");
    assertThat(resolved.target().stableWorkload()).isEqualTo("api-v2");
  }
}
