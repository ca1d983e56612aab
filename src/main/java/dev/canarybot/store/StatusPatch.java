package dev.canarybot.store;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.fabric8.kubernetes.client.utils.Serialization;

/**
 * The body of a status write: a JSON Patch (RFC 6902) that sets the resourceVersion it was
 * based on and replaces the whole status.
 *
 * <p>The API server refuses (409) a write whose resulting resourceVersion is not the stored one,
 * so the patch is a compare-and-swap. It is a patch rather than a PUT to /status because
 * fabric8's CRUD mock ignores the resourceVersion of a PUT to /status, and a JSON Patch rather
 * than a merge patch because that mock appends arrays in merge patches (the history would
 * double); with this form tests see the same compare-and-swap as the cluster.
 */
final class StatusPatch {
  private static final ObjectMapper JSON = Serialization.jsonMapper();

  private StatusPatch() {}

  static String of(CanaryReleaseStatusDto status, String resourceVersion) {
    ArrayNode patch = JSON.createArrayNode();
    patch.addObject().put("op", "replace").put("path", "/metadata/resourceVersion").put("value", resourceVersion);
    // "add" replaces an existing member and also works on an object created without status.
    patch.addObject().put("op", "add").put("path", "/status").set("value", JSON.valueToTree(status));
    return patch.toString();
  }

  /**
   * Marks an unreadable release: phase Failed and the reason, everything else as it is. A status
   * too broken to keep is replaced by just those two fields.
   */
  static String unreadable(String reason, String resourceVersion) {
    ArrayNode patch = JSON.createArrayNode();
    patch.addObject().put("op", "replace").put("path", "/metadata/resourceVersion").put("value", resourceVersion);
    patch.addObject().put("op", "add").put("path", "/status/phase").put("value", "Failed");
    patch.addObject().put("op", "add").put("path", "/status/unreadable").put("value", reason);
    return patch.toString();
  }
}
