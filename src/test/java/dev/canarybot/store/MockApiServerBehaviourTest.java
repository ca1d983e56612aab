package dev.canarybot.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.canarybot.testing.CrdInstaller;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What fabric8's CRUD mock API server does with the CanaryRelease CRD installed. The store's
 * tests are only as good as this behaviour, so it is pinned here: a change in the mock shows
 * up as a failure of this class rather than as store tests that silently stop testing.
 */
@QuarkusTest
@WithKubernetesTestServer(crud = true)
class MockApiServerBehaviourTest {

  @Inject KubernetesClient client;

  @BeforeEach
  void installCrd() {
    CrdInstaller.install(client);
  }

  private Resource<CanaryReleaseResource> created(String namespace) {
    CanaryReleaseResource resource = CanaryReleaseMapper.toResource(Releases.started(namespace, "api-vs"));
    client.resources(CanaryReleaseResource.class).inNamespace(namespace).resource(resource).create();
    return client.resources(CanaryReleaseResource.class).inNamespace(namespace).withName("api-vs");
  }

  @Test
  void createDropsTheStatusOnceTheCrdDeclaresTheSubresource() {
    assertThat(created("m-create").get().getStatus()).isNull();
  }

  @Test
  void writeToTheMainEndpointKeepsTheStoredStatus() {
    Resource<CanaryReleaseResource> ref = created("m-main");
    CanaryReleaseResource withStatus = ref.get();
    withStatus.setStatus(CanaryReleaseMapper.toStatus(Releases.started("m-main", "api-vs").status()));
    client.resources(CanaryReleaseResource.class).inNamespace("m-main").resource(withStatus).updateStatus();
    CanaryReleaseResource current = ref.get();
    current.getSpec().autoRollback = false;
    current.getStatus().weight = 77;

    client.resources(CanaryReleaseResource.class).inNamespace("m-main").resource(current).update();

    CanaryReleaseResource after = ref.get();
    assertThat(after.getSpec().autoRollback).isFalse();
    assertThat(after.getStatus().weight).isEqualTo(10);
  }

  @Test
  void writeToTheStatusEndpointKeepsTheStoredSpec() {
    Resource<CanaryReleaseResource> ref = created("m-status");
    CanaryReleaseResource current = ref.get();
    current.getSpec().autoRollback = false;
    current.setStatus(CanaryReleaseMapper.toStatus(Releases.started("m-status", "api-vs").status()));

    client.resources(CanaryReleaseResource.class).inNamespace("m-status").resource(current).updateStatus();

    CanaryReleaseResource after = ref.get();
    assertThat(after.getSpec().autoRollback).isTrue();
    assertThat(after.getStatus().weight).isEqualTo(10);
  }

  @Test
  void staleWriteToTheMainEndpointIsRefused() {
    Resource<CanaryReleaseResource> ref = created("m-stale-main");
    CanaryReleaseResource stale = ref.get();
    ref.edit(r -> { r.getSpec().autoRollback = false; return r; });

    assertThatThrownBy(() -> client.resources(CanaryReleaseResource.class).inNamespace("m-stale-main")
        .resource(stale).update())
        .isInstanceOfSatisfying(KubernetesClientException.class, e -> assertThat(e.getCode()).isEqualTo(409));
  }

  /** Unlike a real API server: why the store writes status as a JSON Patch, not a PUT. */
  @Test
  void staleWriteToTheStatusEndpointIsAcceptedByTheMock() {
    Resource<CanaryReleaseResource> ref = created("m-stale-status");
    CanaryReleaseResource stale = ref.get();
    ref.edit(r -> { r.getSpec().autoRollback = false; return r; });
    stale.setStatus(CanaryReleaseMapper.toStatus(Releases.started("m-stale-status", "api-vs").status()));

    client.resources(CanaryReleaseResource.class).inNamespace("m-stale-status").resource(stale).updateStatus();

    assertThat(ref.get().getStatus()).isNotNull();
  }

  @Test
  void staleJsonPatchOfTheStatusIsRefused() {
    Resource<CanaryReleaseResource> ref = created("m-stale-patch");
    String staleVersion = ref.get().getMetadata().getResourceVersion();
    ref.edit(r -> { r.getSpec().autoRollback = false; return r; });
    String patch = StatusPatch.of(
        CanaryReleaseMapper.toStatus(Releases.started("m-stale-patch", "api-vs").status()), staleVersion);

    assertThatThrownBy(() -> ref.subresource("status").patch(PatchContext.of(PatchType.JSON), patch))
        .isInstanceOfSatisfying(KubernetesClientException.class, e -> assertThat(e.getCode()).isEqualTo(409));
    assertThat(ref.get().getStatus()).isNull();
  }

  /** Unlike RFC 7386 and a real API server: why the store does not use a merge patch. */
  @Test
  void mergePatchAppendsToArraysInTheMock() {
    Resource<CanaryReleaseResource> ref = created("m-merge");
    ref.subresource("status").patch(PatchContext.of(PatchType.JSON),
        StatusPatch.of(CanaryReleaseMapper.toStatus(Releases.started("m-merge", "api-vs").status()),
            ref.get().getMetadata().getResourceVersion()));

    ref.subresource("status").patch(PatchContext.of(PatchType.JSON_MERGE),
        "{\"status\":{\"history\":[{\"action\":\"promote\",\"actor\":\"@bob\",\"at\":\"2025-03-04T10:30:00Z\","
            + "\"fromPhase\":\"Progressing\",\"toPhase\":\"Progressing\",\"fromWeight\":10,\"toWeight\":50}]}}");

    assertThat(ref.get().getStatus().history).hasSize(2);
  }
}
