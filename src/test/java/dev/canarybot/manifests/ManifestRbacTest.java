package dev.canarybot.manifests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The rendered RBAC grants what the code calls, nothing as a wildcard, and little more. */
class ManifestRbacTest {
  static Set<ApiCall> namespaced;
  static Set<ApiCall> deleting;
  static Set<ApiCall> everywhere;

  @BeforeAll
  static void recordTheBotsCalls() {
    namespaced = BotCalls.namespaced();
    deleting = BotCalls.deletingCleanup();
    everywhere = BotCalls.everyNamespace();
  }

  static Rbac rbac(List<ObjectNode> docs) {
    return new Rbac(docs, "canary-bot", "canary-bot");
  }

  static List<ApiCall> denied(Rbac rbac, Set<ApiCall> calls) {
    return calls.stream().filter(ApiCall::isResource).filter(c -> !everyAccountMay(c))
        .filter(c -> !rbac.allows(c)).toList();
  }

  /**
   * Asking what it may do (a SelfSubjectAccessReview) is granted to every authenticated account
   * by the default ClusterRole system:basic-user, so no Role of ours grants it.
   */
  static boolean everyAccountMay(ApiCall c) {
    return c.verb().equals("create") && "authorization.k8s.io".equals(c.group())
        && "selfsubjectaccessreviews".equals(c.resource());
  }

  @Test
  void theScenariosReachEveryKubernetesAdapter() throws IOException {
    Set<String> adapters = new HashSet<>();
    try (Stream<Path> files = Files.walk(Path.of("target", "classes", "dev", "canarybot"))) {
      for (Path f : files.filter(p -> p.toString().endsWith(".class")).toList()) {
        String name = Path.of("target", "classes").relativize(f).toString()
            .replace('/', '.').replaceAll("\\.class$", "");
        try {
          Class<?> c = Class.forName(name, false, getClass().getClassLoader());
          for (Constructor<?> k : c.getDeclaredConstructors()) {
            if (Arrays.asList(k.getParameterTypes()).contains(KubernetesClient.class)) {
              adapters.add(c.getName());
            }
          }
        } catch (ClassNotFoundException | NoClassDefFoundError e) {
          throw new AssertionError(name, e);
        }
      }
    }
    // Package-private helpers are reached through the public adapters that build them.
    adapters.removeAll(Set.of("dev.canarybot.mesh.IstioApi", "dev.canarybot.mesh.SubsetWorkloads",
        "dev.canarybot.cluster.LeaderElection"));
    // IstioVersions is built by the Istio adapters too; it reads only /apis/networking.istio.io,
    // which the default system:discovery role lets every account read, and only when no version
    // is pinned (the scenarios pin, as the CRUD mock answers no discovery; IstioVersionsTest).
    adapters.remove("dev.canarybot.mesh.IstioVersions");
    // The demo's classes only ever talk to its own in-process API server, which no Role governs.
    adapters.removeIf(name -> name.startsWith("dev.canarybot.demo."));
    assertThat(BotCalls.EXERCISED.stream().map(Class::getName).collect(Collectors.toSet()))
        .as("classes built on a KubernetesClient; add a new one to BotCalls' scenarios")
        .containsAll(adapters);
  }

  @Test
  void theBaseAllowsEveryCallOfARelease() {
    assertThat(namespaced).extracting(ApiCall::toString).contains(
        "get networking.istio.io/virtualservices api-vs in default",
        "update networking.istio.io/virtualservices api-vs in default",
        "patch canarybot.dev/canaryreleases/status api-vs in default",
        "create events in default",
        "create coordination.k8s.io/leases in canary-bot");
    assertThat(denied(rbac(Kustomize.render()), namespaced)).isEmpty();
  }

  @Test
  void theOnlyNonResourceCallIsTheVersionEveryAccountMayRead() {
    // /version is granted to every authenticated account by the default system:public-info-viewer.
    assertThat(namespaced.stream().filter(c -> !c.isResource()).map(ApiCall::nonResourcePath).distinct())
        .containsExactly("/version");
  }

  @Test
  void deletingADeploymentNeedsTheOptInComponent() {
    assertThat(deleting).extracting(ApiCall::toString)
        .contains("create authorization.k8s.io/selfsubjectaccessreviews (cluster-wide)");
    List<ApiCall> withoutComponent = denied(rbac(Kustomize.render()), deleting);
    assertThat(withoutComponent).extracting(ApiCall::toString).containsExactly("delete apps/deployments api-v1 in default");
    assertThat(denied(rbac(Kustomize.render("deployment-delete")), deleting)).isEmpty();
  }

  @Test
  void everyNamespaceNeedsTheClusterWideComponent() {
    assertThat(everywhere).extracting(ApiCall::toString).contains("list canarybot.dev/canaryreleases (cluster-wide)");
    assertThat(denied(rbac(Kustomize.render()), everywhere)).isNotEmpty();
    Rbac clusterWide = rbac(Kustomize.render("cluster-wide"));
    assertThat(denied(clusterWide, everywhere)).isEmpty();
    Set<ApiCall> elsewhere = namespaced.stream()
        .map(c -> c.namespace() != null && c.namespace().equals("default")
            ? new ApiCall(c.verb(), c.group(), c.resource(), "shop", c.name(), null) : c)
        .collect(Collectors.toSet());
    assertThat(denied(clusterWide, elsewhere)).isEmpty();
    assertThat(denied(rbac(Kustomize.render()), elsewhere)).isNotEmpty();
  }

  @Test
  void noRuleUsesAWildcard() {
    List<ObjectNode> all = new ArrayList<>(Kustomize.render(Kustomize.COMPONENTS.toArray(String[]::new)));
    for (ObjectNode role : all) {
      if (!role.path("kind").asText().endsWith("Role")) {
        continue;
      }
      for (JsonNode rule : role.path("rules")) {
        for (String field : List.of("apiGroups", "resources", "verbs", "resourceNames")) {
          rule.path(field).forEach(v -> assertThat(v.asText())
              .as(role.at("/metadata/name").asText() + " " + field).doesNotContain("*"));
        }
        assertThat(rule.has("nonResourceURLs")).isFalse();
      }
    }
  }

  @Test
  void everyGrantedVerbIsOneTheCodeUses() {
    Set<String> used = Stream.of(namespaced, deleting, everywhere).flatMap(Set::stream)
        .filter(ApiCall::isResource).map(c -> c.group() + ":" + c.resource() + ":" + c.verb())
        .collect(Collectors.toSet());
    for (String components : List.of("", "cluster-wide", "deployment-delete")) {
      List<ObjectNode> docs = components.isEmpty() ? Kustomize.render() : Kustomize.render(components);
      for (ObjectNode role : docs) {
        if (!role.path("kind").asText().endsWith("Role")) {
          continue;
        }
        for (JsonNode rule : role.path("rules")) {
          for (JsonNode group : rule.path("apiGroups")) {
            for (JsonNode resource : rule.path("resources")) {
              for (JsonNode verb : rule.path("verbs")) {
                String grant = group.asText() + ":" + resource.asText() + ":" + verb.asText();
                assertThat(used).as(role.at("/metadata/name").asText() + " grants " + grant
                    + ", which no code path calls").contains(grant);
              }
            }
          }
        }
      }
    }
  }
}
