package dev.canarybot.manifests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * What the rendered RBAC grants one ServiceAccount, evaluated the way the API server does:
 * Roles through RoleBindings in their namespace, ClusterRoles through ClusterRoleBindings
 * everywhere or through RoleBindings in one namespace.
 */
final class Rbac {
  private record Grant(String namespace, JsonNode rule) {}

  private final List<Grant> grants = new ArrayList<>();

  Rbac(List<ObjectNode> docs, String saNamespace, String saName) {
    for (ObjectNode binding : docs) {
      String kind = binding.path("kind").asText();
      if (!kind.equals("RoleBinding") && !kind.equals("ClusterRoleBinding") || !binds(binding, saNamespace, saName)) {
        continue;
      }
      String scope = kind.equals("RoleBinding") ? binding.at("/metadata/namespace").asText() : null;
      String roleKind = binding.at("/roleRef/kind").asText();
      String roleName = binding.at("/roleRef/name").asText();
      for (ObjectNode role : docs) {
        boolean same = role.path("kind").asText().equals(roleKind) && role.at("/metadata/name").asText().equals(roleName)
            && (roleKind.equals("ClusterRole") || role.at("/metadata/namespace").asText().equals(scope));
        if (same) {
          role.path("rules").forEach(rule -> grants.add(new Grant(scope, rule)));
        }
      }
    }
  }

  private static boolean binds(ObjectNode binding, String ns, String name) {
    for (JsonNode s : binding.path("subjects")) {
      if (s.path("kind").asText().equals("ServiceAccount") && s.path("name").asText().equals(name)
          && s.path("namespace").asText().equals(ns)) {
        return true;
      }
    }
    return false;
  }

  boolean allows(ApiCall call) {
    return grants.stream().anyMatch(g -> (g.namespace() == null || g.namespace().equals(call.namespace()))
        && has(g.rule().path("apiGroups"), call.group())
        && has(g.rule().path("resources"), call.resource())
        && has(g.rule().path("verbs"), call.verb())
        && names(g.rule(), call));
  }

  // A create carries no name the API server could match against resourceNames.
  private static boolean names(JsonNode rule, ApiCall call) {
    JsonNode names = rule.path("resourceNames");
    if (names.isMissingNode() || names.isEmpty()) {
      return true;
    }
    return !call.verb().equals("create") && call.name() != null && has(names, call.name());
  }

  private static boolean has(JsonNode list, String value) {
    for (JsonNode v : list) {
      if (v.asText().equals(value)) {
        return true;
      }
    }
    return false;
  }
}
