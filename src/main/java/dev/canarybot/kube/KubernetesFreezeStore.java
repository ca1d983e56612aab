package dev.canarybot.kube;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.canarybot.cluster.KubernetesErrors;
import dev.canarybot.release.Freeze;
import dev.canarybot.release.FreezeEvent;
import dev.canarybot.release.FreezeState;
import dev.canarybot.service.CanaryConfig;
import dev.canarybot.service.port.ClusterUnavailableException;
import dev.canarybot.service.port.ConflictException;
import dev.canarybot.service.port.FreezeStore;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The freezes as a ConfigMap in the bot's namespace ({@code kubectl -n canary-bot get cm
 * canary-bot-freeze -o yaml}): {@code active} and {@code history} as JSON, and a {@code summary}
 * line for people. Every write carries the resourceVersion read, so a lost race is a 409.
 */
@ApplicationScoped
public class KubernetesFreezeStore implements FreezeStore {
  private static final int HTTP_CONFLICT = 409;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final KubernetesClient client;
  private final String namespace;
  private final String name;

  @Inject
  public KubernetesFreezeStore(KubernetesClient client, CanaryConfig config) {
    this(client, config.freeze().namespace(), config.freeze().configMap());
  }

  public KubernetesFreezeStore(KubernetesClient client, String namespace, String name) {
    this.client = client;
    this.namespace = namespace;
    this.name = name;
  }

  @Override
  public Stored read() {
    ConfigMap found;
    try {
      found = client.configMaps().inNamespace(namespace).withName(name).get();
    } catch (KubernetesClientException e) {
      throw new ClusterUnavailableException("ConfigMap " + name + "." + namespace + " read failed: "
          + KubernetesErrors.summary(e), e);
    }
    if (found == null) {
      return new Stored(FreezeState.NONE, null);
    }
    Map<String, String> data = found.getData() == null ? Map.of() : found.getData();
    try {
      return new Stored(new FreezeState(freezes(data.get("active")), events(data.get("history"))),
          found.getMetadata().getResourceVersion());
    } catch (IOException | RuntimeException e) {
      // Read from the cluster, so untrusted: an unreadable freeze is never taken as "none".
      throw new ClusterUnavailableException("ConfigMap " + name + "." + namespace
          + " holds no readable freeze (" + e.getMessage() + "); fix or delete it", e);
    }
  }

  @Override
  public Stored write(Stored before, FreezeState next) {
    ConfigMap map = new ConfigMapBuilder().withNewMetadata().withName(name).withNamespace(namespace)
        .withResourceVersion(before.version())
        .addToLabels("app.kubernetes.io/managed-by", "canary-bot").endMetadata()
        .withData(Map.of("active", json(next.active()), "history", history(next.history()),
            "summary", summary(next)))
        .build();
    try {
      ConfigMap written = before.version() == null
          ? client.configMaps().inNamespace(namespace).resource(map).create()
          : client.configMaps().inNamespace(namespace).resource(map).update();
      return new Stored(next, written.getMetadata().getResourceVersion());
    } catch (KubernetesClientException e) {
      if (e.getCode() == HTTP_CONFLICT) {
        throw new ConflictException("ConfigMap " + name + "." + namespace + " changed meanwhile", e);
      }
      throw new ClusterUnavailableException("ConfigMap " + name + "." + namespace + " write failed: "
          + KubernetesErrors.summary(e), e);
    }
  }

  private static String summary(FreezeState state) {
    if (!state.isFrozen()) {
      return "not frozen";
    }
    return state.active().stream().map(f -> "frozen by " + f.actor() + " at " + f.at() + " ("
        + f.scope() + ")" + (f.reason().isEmpty() ? "" : ": " + f.reason()))
        .collect(Collectors.joining("\n"));
  }

  private static String json(List<Freeze> freezes) {
    ArrayNode array = JSON.createArrayNode();
    for (Freeze f : freezes) {
      ObjectNode o = array.addObject();
      o.put("namespace", f.namespace());
      o.put("actor", f.actor());
      o.put("at", f.at().toString());
      o.put("reason", f.reason());
    }
    return array.toString();
  }

  private static String history(List<FreezeEvent> events) {
    ArrayNode array = JSON.createArrayNode();
    for (FreezeEvent e : events) {
      ObjectNode o = array.addObject();
      o.put("at", e.at().toString());
      o.put("actor", e.actor());
      o.put("action", e.froze() ? "freeze" : "unfreeze");
      o.put("namespace", e.namespace());
      o.put("reason", e.reason());
    }
    return array.toString();
  }

  private static List<Freeze> freezes(String text) throws IOException {
    List<Freeze> out = new ArrayList<>();
    for (JsonNode o : array(text)) {
      out.add(new Freeze(textOrNull(o, "namespace"), required(o, "actor"),
          Instant.parse(required(o, "at")), o.path("reason").asText("")));
    }
    return out;
  }

  private static List<FreezeEvent> events(String text) throws IOException {
    List<FreezeEvent> out = new ArrayList<>();
    for (JsonNode o : array(text)) {
      out.add(new FreezeEvent(Instant.parse(required(o, "at")), required(o, "actor"),
          "freeze".equals(o.path("action").asText()), textOrNull(o, "namespace"),
          o.path("reason").asText("")));
    }
    return out;
  }

  private static JsonNode array(String text) throws IOException {
    if (text == null || text.isBlank()) {
      return JSON.createArrayNode();
    }
    JsonNode node = JSON.readTree(text);
    if (!node.isArray()) {
      throw new IOException("not a JSON array");
    }
    return node;
  }

  private static String required(JsonNode o, String field) throws IOException {
    if (!o.path(field).isTextual()) {
      throw new IOException("an entry has no " + field);
    }
    return o.path(field).asText();
  }

  private static String textOrNull(JsonNode o, String field) {
    return o.path(field).isTextual() ? o.path(field).asText() : null;
  }
}
