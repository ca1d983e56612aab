package dev.canarybot.service.port;

import dev.canarybot.analysis.PodHealth;
import java.time.Instant;

/** Pod health of one Deployment from the Kubernetes API. */
public interface PodHealthReader {

  /**
   * Ready and total pods now; restarts and OOM kills of containers that happened since
   * {@code since}. {@code null} when the Deployment or its pods cannot be read.
   */
  PodHealth health(String namespace, String deployment, Instant since);
}
