package dev.canarybot.manifests;

import io.fabric8.mockwebserver.http.RecordedRequest;
import java.util.Arrays;
import java.util.List;

/**
 * One request to the API server, as RBAC sees it: verb, API group, resource (with its
 * subresource) and namespace; or a non-resource path such as {@code /version}.
 */
record ApiCall(String verb, String group, String resource, String namespace, String name, String nonResourcePath) {

  static ApiCall of(RecordedRequest request) {
    String full = request.getPath();
    int q = full.indexOf('?');
    String path = q < 0 ? full : full.substring(0, q);
    String query = q < 0 ? "" : full.substring(q + 1);
    List<String> s = Arrays.asList(path.substring(1).split("/"));
    int rest;
    String group;
    if (s.size() >= 3 && s.get(0).equals("api")) {
      group = "";
      rest = 2;
    } else if (s.size() >= 4 && s.get(0).equals("apis")) {
      group = s.get(1);
      rest = 3;
    } else {
      return new ApiCall(request.getMethod().toLowerCase(), null, null, null, null, path);
    }
    String namespace = null;
    if (s.size() > rest + 2 && s.get(rest).equals("namespaces")) {
      namespace = s.get(rest + 1);
      rest += 2;
    }
    String resource = s.get(rest);
    String name = s.size() > rest + 1 ? s.get(rest + 1) : null;
    if (s.size() > rest + 2) {
      resource = resource + "/" + s.get(rest + 2);
    }
    return new ApiCall(verb(request.getMethod(), name, query), group, resource, namespace, name, null);
  }

  private static String verb(String method, String name, String query) {
    switch (method.toUpperCase()) {
      case "GET":
        if (query.contains("watch=true")) {
          return "watch";
        }
        return name == null ? "list" : "get";
      case "POST":
        return "create";
      case "PUT":
        return "update";
      case "PATCH":
        return "patch";
      case "DELETE":
        return name == null ? "deletecollection" : "delete";
      default:
        throw new IllegalArgumentException("unexpected method " + method);
    }
  }

  boolean isResource() {
    return nonResourcePath == null;
  }

  @Override
  public String toString() {
    if (!isResource()) {
      return verb + " " + nonResourcePath;
    }
    return verb + " " + (group.isEmpty() ? "" : group + "/") + resource
        + (name == null ? "" : " " + name) + (namespace == null ? " (cluster-wide)" : " in " + namespace);
  }
}
