package dev.canarybot.kube;

import dev.canarybot.service.port.WorkloadPermissions;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectAccessReview;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectAccessReviewBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * Asks the API server what the bot's account may do (a SelfSubjectAccessReview, which every
 * authenticated account may create), so the card offers Delete only where the Role allows it.
 * Answers are cached: every card redraw asks, and RBAC changes rarely.
 */
@ApplicationScoped
public class KubernetesPermissions implements WorkloadPermissions {
  private static final Logger LOG = Logger.getLogger(KubernetesPermissions.class);
  static final Duration KEEP = Duration.ofMinutes(5);
  /** A failed question is asked again soon; until then the answer is "no". */
  static final Duration KEEP_UNKNOWN = Duration.ofSeconds(30);

  private record Answer(boolean allowed, Instant until) {}

  private final KubernetesClient client;
  private final Clock clock;
  private final Map<String, Answer> deletes = new ConcurrentHashMap<>();

  @Inject
  public KubernetesPermissions(KubernetesClient client, Clock clock) {
    this.client = client;
    this.clock = clock;
  }

  @Override
  public boolean mayDelete(String namespace) {
    Instant now = clock.instant();
    Answer cached = deletes.get(namespace);
    if (cached != null && now.isBefore(cached.until())) {
      return cached.allowed();
    }
    Answer fresh;
    try {
      SelfSubjectAccessReview review = client.authorization().v1().selfSubjectAccessReview()
          .create(new SelfSubjectAccessReviewBuilder()
              .withNewSpec().withNewResourceAttributes()
                .withGroup("apps").withResource("deployments").withVerb("delete").withNamespace(namespace)
              .endResourceAttributes().endSpec()
              .build());
      boolean allowed = review.getStatus() != null && Boolean.TRUE.equals(review.getStatus().getAllowed());
      fresh = new Answer(allowed, now.plus(KEEP));
    } catch (RuntimeException e) {
      LOG.warnf("cannot ask the API server whether canary-bot may delete Deployments in %s: %s",
          namespace, e.getMessage());
      fresh = new Answer(false, now.plus(KEEP_UNKNOWN));
    }
    deletes.put(namespace, fresh);
    return fresh.allowed();
  }
}
