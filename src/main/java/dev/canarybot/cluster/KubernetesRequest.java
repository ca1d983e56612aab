package dev.canarybot.cluster;

import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * One request to the API server as RBAC sees it: a verb and a resource ({@code canaryreleases},
 * {@code canaryreleases/status}), read from the method and path alone so that counting needs
 * neither the body nor the caller. Names and namespaces are left out on purpose: they would make
 * one time series per object.
 */
public record KubernetesRequest(Verb verb, String resource) {
  /** Paths outside {@code /api} and {@code /apis}, except {@code /version}. */
  public static final String OTHER = "other";
  /** {@code /api}, {@code /apis}, {@code /apis/GROUP}, {@code /apis/GROUP/VERSION}: API discovery. */
  public static final String DISCOVERY = "discovery";

  private static final Set<String> NAMESPACE_SUBRESOURCES = Set.of("status", "finalize");

  /** Kubernetes' request verbs, as RBAC rules spell them. */
  public enum Verb {
    GET, LIST, WATCH, CREATE, UPDATE, PATCH, DELETE, DELETECOLLECTION, OTHER;

    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** The verb and resource of {@code method} on {@code uri}; never fails, whatever the path. */
  public static KubernetesRequest parse(String method, URI uri) {
    List<String> segments = segments(uri.getRawPath());
    int prefix = apiPrefix(segments);
    if (prefix < 0) {
      String resource = segments.equals(List.of("version")) ? "version" : OTHER;
      return new KubernetesRequest(verb(method, true, false), resource);
    }
    List<String> rest = segments.subList(prefix, segments.size());
    boolean watch = isWatch(uri.getRawQuery());
    if (!rest.isEmpty() && rest.get(0).equals("watch")) {
      // The deprecated /api/v1/watch/... form of a watch.
      watch = true;
      rest = rest.subList(1, rest.size());
    }
    if (rest.isEmpty()) {
      return new KubernetesRequest(verb(method, true, false), DISCOVERY);
    }
    // As the API server reads it: namespaces/NAME/status is the Namespace's own subresource.
    if (rest.size() >= 3 && rest.get(0).equals("namespaces") && !NAMESPACE_SUBRESOURCES.contains(rest.get(2))) {
      rest = rest.subList(2, rest.size());
    }
    boolean named = rest.size() >= 2;
    String resource = rest.size() >= 3 ? rest.get(0) + "/" + rest.get(2) : rest.get(0);
    return new KubernetesRequest(verb(method, named, watch), resource);
  }

  private static List<String> segments(String path) {
    List<String> out = new ArrayList<>();
    if (path != null) {
      Arrays.stream(path.split("/")).filter(s -> !s.isEmpty()).forEach(out::add);
    }
    return out;
  }

  /**
   * How many segments name the API group and version ({@code api/v1}, {@code apis/GROUP/VERSION},
   * fewer for discovery paths); -1 when the path is not under {@code /api} or {@code /apis}.
   */
  private static int apiPrefix(List<String> segments) {
    if (segments.isEmpty()) {
      return -1;
    }
    return switch (segments.get(0)) {
      case "api" -> Math.min(segments.size(), 2);
      case "apis" -> Math.min(segments.size(), 3);
      default -> -1;
    };
  }

  private static boolean isWatch(String query) {
    if (query == null) {
      return false;
    }
    for (String pair : query.split("&")) {
      if (pair.equals("watch=true") || pair.equals("watch=1")) {
        return true;
      }
    }
    return false;
  }

  private static Verb verb(String method, boolean named, boolean watch) {
    return switch (method.toUpperCase(Locale.ROOT)) {
      case "GET" -> watch ? Verb.WATCH : named ? Verb.GET : Verb.LIST;
      case "POST" -> Verb.CREATE;
      case "PUT" -> Verb.UPDATE;
      case "PATCH" -> Verb.PATCH;
      case "DELETE" -> named ? Verb.DELETE : Verb.DELETECOLLECTION;
      default -> Verb.OTHER;
    };
  }
}
