package dev.canarybot.cluster;

import io.fabric8.kubernetes.client.KubernetesClientException;

/**
 * What a failed Kubernetes API call may say in chat. fabric8's message holds the API server's
 * URL and, for RBAC denials, the bot's ServiceAccount and its missing permission: that is for
 * the operator's log (the exception stays the cause), not for a Slack channel.
 */
public final class KubernetesErrors {
  private KubernetesErrors() {}

  /** "HTTP 403 Forbidden", "HTTP 409 Conflict", or "the Kubernetes API could not be reached". */
  public static String summary(KubernetesClientException e) {
    if (e.getCode() <= 0) {
      return "the Kubernetes API could not be reached";
    }
    String reason = e.getStatus() == null ? null : e.getStatus().getReason();
    return "HTTP " + e.getCode() + (reason == null || reason.isBlank() ? "" : " " + reason)
        + " from the Kubernetes API (details in canary-bot's log)";
  }
}
