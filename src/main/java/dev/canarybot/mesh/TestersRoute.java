package dev.canarybot.mesh;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.canarybot.release.AddedRoute;
import dev.canarybot.release.ReleaseTarget;
import dev.canarybot.release.TestersMatch;
import dev.canarybot.service.port.AddedRouteDriftException;
import dev.canarybot.service.port.TargetException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;

/**
 * What bringing a release's testers' route to what it wants does to a VirtualService, decided
 * before anything is written. The route, named {@code canary-bot-testers-<release>}, sits
 * directly before the weighted route: its match is the weighted route's match with the testers'
 * header added to each condition, and it sends everything to the canary subset. No other route
 * is touched, and removing the route leaves the VirtualService as it was before it was added.
 *
 * @param after the VirtualService to write, or {@code null} when it already carries what is wanted
 * @param route the testers' route as it will be on the VirtualService, or {@code null} for none
 */
public record TestersRoute(ObjectNode after, AddedRoute route) {

  /** The weighted route's settings a tester keeps; without rewrite, v2 would see other paths. */
  private static final List<String> KEPT = List.of("headers", "rewrite", "timeout", "retries");

  /** True when writing would change nothing. */
  public boolean isEmpty() {
    return after == null;
  }

  /**
   * Decides the change from the route the bot last left there ({@code applied}, or {@code null}
   * when it left none) to the route {@code desired} asks for ({@code null}: none).
   *
   * @param takeBack the bot takes its route back (a resume, a rollback): the route it added
   *     counts as its own whatever was done to it since
   * @throws AddedRouteDriftException when the route there is neither the applied nor the desired one
   * @throws TargetException when the weighted route cannot be found to place the route before it
   */
  public static TestersRoute decide(ObjectNode virtualService, ReleaseTarget target, String release,
      TestersMatch desired, AddedRoute applied, boolean takeBack, MeshHosts hosts) {
    String name = AddedRoute.testersName(release);
    ArrayNode http = virtualService.path("spec").path("http") instanceof ArrayNode a ? a : null;
    int existing = indexOf(http, name);
    if (desired == null) {
      String actual = existing < 0 ? null : digest(http.get(existing));
      if (actual == null) {
        return new TestersRoute(null, null);
      }
      checkOwn(actual, applied, takeBack, target, name);
      ObjectNode copy = virtualService.deepCopy();
      ((ArrayNode) copy.path("spec").path("http")).remove(existing);
      return new TestersRoute(copy, null);
    }
    TargetRoute weighted = new RouteLocator(hosts).locate(virtualService, target);
    int weightedIndex = weighted.route().index();
    ObjectNode wanted = build(http.get(weightedIndex), desired, target, name);
    AddedRoute route = new AddedRoute(name, digest(wanted), address(virtualService, http.get(weightedIndex)));
    // A route moved away from its place no longer wins before the weighted one: that is drift too.
    String actual = existing < 0 ? null
        : existing == weightedIndex - 1 ? digest(http.get(existing)) : "moved:" + digest(http.get(existing));
    if (route.digest().equals(actual)) {
      return new TestersRoute(null, route);
    }
    checkOwn(actual, applied, takeBack, target, name);
    ObjectNode copy = virtualService.deepCopy();
    ArrayNode routes = (ArrayNode) copy.path("spec").path("http");
    int at = weightedIndex;
    if (existing >= 0) {
      routes.remove(existing);
      at = existing < weightedIndex ? weightedIndex - 1 : weightedIndex;
    }
    routes.insert(at, wanted);
    return new TestersRoute(copy, route);
  }

  /**
   * The bot only ever rewrites or removes the route as it left it; taking it back, any route
   * by that name once the bot listed one.
   */
  private static void checkOwn(String actual, AddedRoute applied, boolean takeBack, ReleaseTarget target,
      String name) {
    String mine = applied == null ? null : applied.digest();
    if (!Objects.equals(actual, mine) && !(takeBack && applied != null)) {
      throw new AddedRouteDriftException(target.describe() + ": the testers' route " + name + " was "
          + (actual == null ? "removed" : mine == null ? "put there by someone else"
              : actual.startsWith("moved:") ? "moved away from its place before the weighted route"
              : "changed") + " outside canary-bot");
    }
  }

  /**
   * The weighted route's conditions, each with the testers' header added (one condition with
   * only the header when the route matches everything), to the canary subset alone.
   */
  static ObjectNode build(JsonNode weightedRoute, TestersMatch match, ReleaseTarget target, String name) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    ObjectNode route = f.objectNode();
    route.put("name", name);
    ArrayNode conditions = route.putArray("match");
    JsonNode own = weightedRoute.path("match");
    List<JsonNode> bases = new ArrayList<>();
    own.forEach(bases::add);
    if (bases.isEmpty()) {
      bases.add(f.objectNode());
    }
    for (JsonNode base : bases) {
      ObjectNode condition = base.deepCopy();
      // A condition's own name would label the testers' requests as the weighted route's.
      condition.remove("name");
      ObjectNode headers = condition.path("headers") instanceof ObjectNode h ? h : condition.putObject("headers");
      if (headers.has(match.header())) {
        throw new AddedRouteDriftException(target.describe() + ": the weighted route matches on the header "
            + match.header() + " already; pick another header for the testers");
      }
      headers.putObject(match.header()).put(match.kind().istioField(), match.value());
      conditions.add(condition);
    }
    ObjectNode destination = canaryDestination(weightedRoute, target);
    route.putArray("route").addObject().set("destination", destination);
    for (String field : KEPT) {
      if (weightedRoute.has(field)) {
        route.set(field, weightedRoute.get(field).deepCopy());
      }
    }
    return route;
  }

  /** The canary's destination as the weighted route spells it, else the stable one's with the canary subset. */
  private static ObjectNode canaryDestination(JsonNode weightedRoute, ReleaseTarget target) {
    JsonNode stable = null;
    for (JsonNode entry : weightedRoute.path("route")) {
      String subset = entry.path("destination").path("subset").asText();
      if (subset.equals(target.canarySubset())) {
        return entry.path("destination").deepCopy();
      }
      if (subset.equals(target.stableSubset())) {
        stable = entry.path("destination");
      }
    }
    if (stable == null) {
      throw new TargetException(target.describe() + ": the weighted route has no destination to copy");
    }
    ObjectNode copy = stable.deepCopy();
    copy.put("subset", target.canarySubset());
    return copy;
  }

  /** "api.example.com/api/v1": the first named host and the first path the weighted route matches. */
  static String address(JsonNode virtualService, JsonNode weightedRoute) {
    String host = null;
    for (JsonNode h : virtualService.path("spec").path("hosts")) {
      if (!h.asText().contains("*")) {
        host = h.asText();
        break;
      }
    }
    if (host == null) {
      host = weightedRoute.path("route").path(0).path("destination").path("host").asText("");
    }
    JsonNode uri = weightedRoute.path("match").path(0).path("uri");
    String path = uri.hasNonNull("exact") ? uri.get("exact").asText()
        : uri.hasNonNull("prefix") ? uri.get("prefix").asText() : "/";
    return host + (path.startsWith("/") ? path : "/" + path);
  }

  private static int indexOf(ArrayNode http, String name) {
    if (http == null) {
      return -1;
    }
    for (int i = 0; i < http.size(); i++) {
      if (name.equals(http.get(i).path("name").asText(null))) {
        return i;
      }
    }
    return -1;
  }

  /** A fingerprint of a route's content that ignores the order of object keys. */
  static String digest(JsonNode route) {
    StringBuilder canonical = new StringBuilder();
    canonical(route, canonical);
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash, 0, 12);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }

  private static void canonical(JsonNode node, StringBuilder out) {
    if (node.isObject()) {
      List<String> keys = new ArrayList<>();
      Iterator<String> names = node.fieldNames();
      names.forEachRemaining(keys::add);
      keys.sort(null);
      out.append('{');
      for (String key : keys) {
        out.append(JsonNodeFactory.instance.textNode(key)).append(':');
        canonical(node.get(key), out);
        out.append(',');
      }
      out.append('}');
    } else if (node.isArray()) {
      out.append('[');
      node.forEach(element -> {
        canonical(element, out);
        out.append(',');
      });
      out.append(']');
    } else {
      out.append(node);
    }
  }
}
