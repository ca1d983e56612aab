package dev.canarybot.mesh;

import dev.canarybot.service.port.TargetException;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** Finds the one Deployment whose pods a subset selects. */
final class SubsetWorkloads {
  private final KubernetesClient client;

  SubsetWorkloads(KubernetesClient client) {
    this.client = client;
  }

  /**
   * @param selector the Service's selector; the pods must carry it and the subset's labels
   * @throws TargetException when no Deployment, or more than one, has such pods
   */
  String deploymentFor(String namespace, Map<String, String> selector, String subset, Map<String, String> subsetLabels) {
    Map<String, String> wanted = new TreeMap<>(selector);
    wanted.putAll(subsetLabels);
    List<Deployment> all = client.apps().deployments().inNamespace(namespace).list().getItems();
    List<String> matching = all.stream()
        .filter(d -> podLabels(d).entrySet().containsAll(wanted.entrySet()))
        .map(d -> d.getMetadata().getName())
        .sorted()
        .collect(Collectors.toList());
    if (matching.size() == 1) {
      return matching.get(0);
    }
    if (matching.isEmpty()) {
      throw new TargetException("no Deployment in " + namespace + " has pods labelled " + wanted
          + " (subset " + subset + "); Deployments there: " + describe(all));
    }
    throw new TargetException("several Deployments in " + namespace + " have pods labelled " + wanted
        + " (subset " + subset + "): " + matching + "; each subset needs exactly one");
  }

  private static Map<String, String> podLabels(Deployment d) {
    if (d.getSpec() == null || d.getSpec().getTemplate() == null
        || d.getSpec().getTemplate().getMetadata() == null
        || d.getSpec().getTemplate().getMetadata().getLabels() == null) {
      return Map.of();
    }
    return d.getSpec().getTemplate().getMetadata().getLabels();
  }

  private static String describe(List<Deployment> all) {
    if (all.isEmpty()) {
      return "none";
    }
    return all.stream()
        .map(d -> d.getMetadata().getName() + " " + new TreeMap<>(podLabels(d)))
        .sorted()
        .collect(Collectors.joining(", "));
  }
}
