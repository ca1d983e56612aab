package dev.canarybot.mesh;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.canarybot.cluster.KubernetesErrors;
import dev.canarybot.release.Names;
import dev.canarybot.release.ReleaseTarget;
import dev.canarybot.release.StartFacts;
import dev.canarybot.service.port.ClusterUnavailableException;
import dev.canarybot.service.port.ResolvedTarget;
import dev.canarybot.service.port.TargetException;
import dev.canarybot.service.port.TargetQuery;
import dev.canarybot.service.port.TargetResolver;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * VirtualService -> route -> DestinationRule subsets -> Service selector -> one Deployment per
 * subset. Reads only; every refusal names what was looked for and what was found.
 */
@ApplicationScoped
public class IstioTargetResolver implements TargetResolver {
  private final KubernetesClient client;
  private final IstioApi istio;
  private final MeshHosts hosts;

  @Inject
  public IstioTargetResolver(KubernetesClient client, MeshConfig config, IstioVersions versions) {
    this.client = client;
    this.istio = new IstioApi(client, versions);
    this.hosts = new MeshHosts(config.clusterDomain());
  }

  /** A resolver that chooses its Istio versions on its own, as a separate replica would. */
  public IstioTargetResolver(KubernetesClient client, MeshConfig config) {
    this(client, config, new IstioVersions(client, config));
  }

  @Override
  public ResolvedTarget resolve(TargetQuery query) {
    try {
      return resolveOrThrow(query);
    } catch (KubernetesClientException e) {
      throw new TargetException("reading VirtualService " + query.virtualService() + "."
          + query.namespace() + " and what it routes to failed: " + KubernetesErrors.summary(e), e);
    } catch (ClusterUnavailableException e) {
      throw new TargetException(e.getMessage() + "; try again", e); // choosing the Istio version
    }
  }

  @Override
  public Optional<String> workloadMismatch(ReleaseTarget t) {
    try {
      Map<String, Map<String, String>> subsets = subsets(t.namespace(), t.host()).byName();
      Map<String, String> selector = Optional.ofNullable(service(t.host()).getSpec())
          .map(s -> s.getSelector()).orElse(Map.of());
      for (String[] pair : new String[][] {{t.stableSubset(), t.stableWorkload()}, {t.canarySubset(), t.canaryWorkload()}}) {
        Map<String, String> wanted = new TreeMap<>(selector);
        wanted.putAll(subsets.getOrDefault(pair[0], Map.of()));
        Deployment d = client.apps().deployments().inNamespace(t.namespace()).withName(pair[1]).get();
        if (d == null) {
          continue;
        }
        Map<String, String> labels = d.getSpec() == null || d.getSpec().getTemplate() == null
            || d.getSpec().getTemplate().getMetadata() == null
            || d.getSpec().getTemplate().getMetadata().getLabels() == null
            ? Map.of() : d.getSpec().getTemplate().getMetadata().getLabels();
        if (!subsets.containsKey(pair[0]) || !labels.entrySet().containsAll(wanted.entrySet())) {
          return Optional.of("Deployment " + pair[1] + "." + t.namespace() + " does not run subset "
              + pair[0] + " of " + t.host() + " (its pods are labelled " + new TreeMap<>(labels)
              + ", the subset selects " + wanted + ")");
        }
      }
      return Optional.empty();
    } catch (TargetException e) {
      return Optional.of("the Deployments of " + t.describe() + " cannot be checked: " + e.getMessage());
    } catch (KubernetesClientException e) {
      return Optional.of("the Deployments of " + t.describe() + " cannot be checked: " + KubernetesErrors.summary(e));
    }
  }

  @Override
  public StartFacts.RouteMeta routeMeta(ReleaseTarget t) {
    try {
      GenericKubernetesResource vs =
          istio.virtualServices().inNamespace(t.namespace()).withName(t.virtualService()).get();
      if (vs == null) {
        throw new TargetException("VirtualService " + t.virtualService() + "." + t.namespace() + " not found");
      }
      Map<String, String> annotations = Optional.ofNullable(vs.getMetadata().getAnnotations()).orElse(Map.of());
      List<StartFacts.Owner> owners = Optional.ofNullable(vs.getMetadata().getOwnerReferences()).orElse(List.of())
          .stream().map(o -> new StartFacts.Owner(o.getApiVersion(), o.getKind(), o.getName())).toList();
      return new StartFacts.RouteMeta(annotations, owners);
    } catch (KubernetesClientException e) {
      throw new TargetException("reading VirtualService " + t.virtualService() + "." + t.namespace()
          + " failed: " + KubernetesErrors.summary(e), e);
    }
  }

  private ResolvedTarget resolveOrThrow(TargetQuery query) {
    String ns = query.namespace();
    RouteChoice choice = new RouteChooser(hosts).choose(virtualService(query), query);
    MeshHosts.ServiceRef ref = hosts.service(choice.host());
    if (ref != null && !ref.namespace().equals(ns)) {
      // A release records one namespace and acts only there; workloads found in another one
      // would be scaled and deleted under a name that points elsewhere.
      throw new TargetException("VirtualService " + query.virtualService() + "." + ns + " routes to "
          + choice.host() + ", a Service in namespace " + ref.namespace() + ", not " + ns
          + "; canary-bot runs a release only where its VirtualService, Service and Deployments "
          + "share one namespace. Start it from a VirtualService in " + ref.namespace() + " instead");
    }
    Subsets rule = subsets(ns, choice.host());
    Map<String, Map<String, String>> subsets = rule.byName();
    String stable = choice.stableSubset();
    String canary = choice.canarySubset() != null ? choice.canarySubset() : onlyOtherSubset(choice, subsets);
    for (String subset : List.of(stable, canary)) {
      if (!subsets.containsKey(subset)) {
        throw new TargetException("DestinationRule " + rule.name() + "." + ns + " (host " + choice.host()
            + ") has no subset " + subset + "; subsets found: " + subsets.keySet());
      }
    }
    Service service = service(choice.host());
    Map<String, String> selector = service.getSpec() == null ? null : service.getSpec().getSelector();
    if (selector == null || selector.isEmpty()) {
      throw new TargetException("Service " + service.getMetadata().getName() + "."
          + service.getMetadata().getNamespace() + " has no selector, so its Deployments cannot be found");
    }
    SubsetWorkloads workloads = new SubsetWorkloads(client);
    String serviceNs = service.getMetadata().getNamespace();
    String stableDeployment = workloads.deploymentFor(serviceNs, selector, stable, subsets.get(stable));
    String canaryDeployment = workloads.deploymentFor(serviceNs, selector, canary, subsets.get(canary));

    String routeName = choice.route().name();
    ReleaseTarget target = new ReleaseTarget(ns, query.virtualService(), routeName, choice.host(),
        stable, canary, stableDeployment, canaryDeployment);
    String badName = Names.problemWith(target);
    if (!badName.isEmpty()) {
      // Names go into API paths and PromQL; what the cluster holds is checked like typed text.
      throw new TargetException(target.describe() + ": " + badName);
    }
    String releaseName = ReleaseNames.of(query.virtualService(), choice.oneOfSeveral() ? routeName : null);
    return new ResolvedTarget(releaseName, target, choice.weights());
  }

  private ObjectNode virtualService(TargetQuery query) {
    GenericKubernetesResource vs =
        istio.virtualServices().inNamespace(query.namespace()).withName(query.virtualService()).get();
    if (vs == null) {
      List<String> existing = istio.virtualServices().inNamespace(query.namespace()).list().getItems().stream()
          .map(r -> r.getMetadata().getName()).sorted().collect(Collectors.toList());
      throw new TargetException("VirtualService " + query.virtualService() + "." + query.namespace()
          + " not found; VirtualServices in " + query.namespace() + ": "
          + (existing.isEmpty() ? "none" : existing));
    }
    return istio.tree(vs);
  }

  /** A DestinationRule's subsets, name -> labels, in the order it lists them. */
  private record Subsets(String name, Map<String, Map<String, String>> byName) {}

  /** The subsets of the one DestinationRule for the host in the namespace. */
  private Subsets subsets(String ns, String host) {
    List<ObjectNode> rules = istio.destinationRules().inNamespace(ns).list().getItems().stream()
        .map(istio::tree).collect(Collectors.toList());
    List<ObjectNode> forHost = rules.stream()
        .filter(r -> host.equals(hosts.fqdn(r.at("/spec/host").asText(), ns)))
        .collect(Collectors.toList());
    if (forHost.size() != 1) {
      String found = rules.isEmpty() ? "none" : rules.stream()
          .map(r -> r.at("/metadata/name").asText() + " (host " + r.at("/spec/host").asText() + ")")
          .sorted().collect(Collectors.joining(", "));
      throw new TargetException((forHost.isEmpty() ? "no DestinationRule" : "several DestinationRules")
          + " for host " + host + " in " + ns + "; DestinationRules there: " + found);
    }
    Map<String, Map<String, String>> subsets = new LinkedHashMap<>();
    for (JsonNode subset : forHost.get(0).at("/spec/subsets")) {
      Map<String, String> labels = new TreeMap<>();
      subset.path("labels").fields().forEachRemaining(e -> labels.put(e.getKey(), e.getValue().asText()));
      subsets.put(subset.path("name").asText(), labels);
    }
    return new Subsets(forHost.get(0).at("/metadata/name").asText(), subsets);
  }

  /** A route that carries the stable subset alone: the canary is the DestinationRule's other subset. */
  private static String onlyOtherSubset(RouteChoice choice, Map<String, Map<String, String>> subsets) {
    List<String> others = subsets.keySet().stream()
        .filter(s -> !s.equals(choice.stableSubset())).collect(Collectors.toList());
    if (others.size() != 1) {
      throw new TargetException(choice.route().describe() + " sends everything to subset "
          + choice.stableSubset() + " and the DestinationRule for " + choice.host() + " has subsets "
          + subsets.keySet() + "; say which is the canary with --canary <subset>");
    }
    return others.get(0);
  }

  private Service service(String host) {
    MeshHosts.ServiceRef ref = hosts.service(host);
    if (ref == null) {
      throw new TargetException("host " + host + " is not a Service of this cluster");
    }
    Service service = client.services().inNamespace(ref.namespace()).withName(ref.name()).get();
    if (service == null) {
      List<String> existing = client.services().inNamespace(ref.namespace()).list().getItems().stream()
          .map(s -> s.getMetadata().getName()).sorted().collect(Collectors.toList());
      throw new TargetException("Service " + ref.name() + "." + ref.namespace() + " (host " + host
          + ") not found; Services in " + ref.namespace() + ": " + (existing.isEmpty() ? "none" : existing));
    }
    return service;
  }
}
