package dev.canarybot.service.port;

/**
 * The Kubernetes API failed in a way that may pass (a 5xx, a timeout, a refused connection):
 * nothing is decided from it, and the resync tries again.
 */
public class ClusterUnavailableException extends RuntimeException {
  public ClusterUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
