package dev.canarybot.testing;

import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectAccessReviewBuilder;
import io.quarkus.test.kubernetes.client.KubernetesServer;
import java.util.function.Consumer;

/**
 * A test API server whose RBAC lets the bot delete Deployments (the deployment-delete
 * component): the CRUD mock itself stores a SelfSubjectAccessReview without deciding it.
 */
public class AllowsDeletes implements Consumer<KubernetesServer> {
  @Override
  public void accept(KubernetesServer server) {
    server.expect().post().withPath("/apis/authorization.k8s.io/v1/selfsubjectaccessreviews")
        .andReturn(201, new SelfSubjectAccessReviewBuilder().withNewStatus().withAllowed(true).endStatus().build())
        .always();
  }
}
