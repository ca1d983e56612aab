package dev.canarybot.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canarybot.release.Action;
import dev.canarybot.release.CanaryRelease;
import dev.canarybot.release.HistoryEntry;
import dev.canarybot.release.Phase;
import dev.canarybot.testing.CrdInstaller;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Events land in the release's namespace and point at the CanaryRelease, uid included. */
@QuarkusTest
@WithKubernetesTestServer(crud = true)
class KubernetesReleaseEventsTest {

  @Inject KubernetesClient client;
  @Inject KubernetesReleaseStore store;
  @Inject KubernetesReleaseEvents events;

  @BeforeEach
  void installCrd() {
    CrdInstaller.install(client);
  }

  private List<Event> eventsIn(String namespace) {
    return client.v1().events().inNamespace(namespace).list().getItems();
  }

  @Test
  void aRepeatedWarningIsCountedOnOneEventAndADifferentOneGetsItsOwn() {
    store.create(Releases.started("ev-repeat", "api-vs"));
    for (int i = 0; i < 3; i++) {
      events.warning("ev-repeat", "api-vs", "CleanupFailed", "retiring api-v1 failed: forbidden; the resync will try again");
    }
    events.warning("ev-repeat", "api-vs", "CleanupFailed", "retiring api-v1 failed: timeout; the resync will try again");

    assertThat(eventsIn("ev-repeat")).hasSize(2);
    assertThat(eventsIn("ev-repeat")).filteredOn(e -> e.getMessage().contains("forbidden")).singleElement()
        .satisfies(e -> {
          assertThat(e.getCount()).isEqualTo(3);
          assertThat(e.getType()).isEqualTo("Warning");
          assertThat(e.getReason()).isEqualTo("CleanupFailed");
        });
    assertThat(eventsIn("ev-repeat")).filteredOn(e -> e.getMessage().contains("timeout")).singleElement()
        .extracting(Event::getCount).isEqualTo(1);
  }

  @Test
  void promotionIsANormalEventOnTheRelease() {
    CanaryRelease started = store.create(Releases.started("ev-promote", "api-vs")).release();
    String uid = client.resources(CanaryReleaseResource.class).inNamespace("ev-promote")
        .withName("api-vs").get().getMetadata().getUid();
    CanaryRelease promoted = Releases.promoted(started, "@bob", Releases.T0.plusSeconds(1800));

    events.transitioned(promoted, promoted.status().last());

    assertThat(eventsIn("ev-promote")).singleElement().satisfies(e -> {
      assertThat(e.getInvolvedObject().getApiVersion()).isEqualTo("canarybot.dev/v1alpha1");
      assertThat(e.getInvolvedObject().getKind()).isEqualTo("CanaryRelease");
      assertThat(e.getInvolvedObject().getName()).isEqualTo("api-vs");
      assertThat(e.getInvolvedObject().getNamespace()).isEqualTo("ev-promote");
      assertThat(e.getInvolvedObject().getUid()).isNotBlank().isEqualTo(uid);
      assertThat(e.getReason()).isEqualTo("Promoted");
      assertThat(e.getType()).isEqualTo("Normal");
      assertThat(e.getMessage())
          .isEqualTo("promoted by @bob at 10:30 UTC: canary 10 % → 50 %, Progressing → Progressing. gates passed");
      assertThat(e.getSource().getComponent()).isEqualTo("canary-bot");
      assertThat(e.getReportingComponent()).isEqualTo("canary-bot");
      assertThat(e.getFirstTimestamp()).isEqualTo("2025-03-04T10:30:00Z");
      assertThat(e.getCount()).isEqualTo(1);
      assertThat(e.getMetadata().getName()).startsWith("api-vs.");
    });
  }

  @Test
  void rollbackIsAWarningAndEveryEventHasItsOwnName() {
    CanaryRelease started = store.create(Releases.started("ev-rollback", "api-vs")).release();
    HistoryEntry rollback = new HistoryEntry(Releases.T0.plusSeconds(60), "@carol", Action.ROLLBACK,
        Phase.Progressing, Phase.RolledBack, 10, 0, "5xx rate 2.1 % > 1 %");

    events.transitioned(started, rollback);
    events.transitioned(started, rollback);

    List<Event> recorded = eventsIn("ev-rollback");
    assertThat(recorded).hasSize(2);
    assertThat(recorded).allSatisfy(e -> {
      assertThat(e.getReason()).isEqualTo("RolledBack");
      assertThat(e.getType()).isEqualTo("Warning");
    });
    assertThat(recorded.get(0).getMetadata().getName()).isNotEqualTo(recorded.get(1).getMetadata().getName());
  }

  @Test
  void warningUsesTheGivenReasonAndTheClock() {
    CanaryRelease started = store.create(Releases.started("ev-warning", "api-vs")).release();

    events.warning(started, "RouteWriteFailed", "VirtualService api-vs.ev-warning update failed: timeout");

    assertThat(eventsIn("ev-warning")).singleElement().satisfies(e -> {
      assertThat(e.getReason()).isEqualTo("RouteWriteFailed");
      assertThat(e.getType()).isEqualTo("Warning");
      assertThat(e.getMessage()).isEqualTo("VirtualService api-vs.ev-warning update failed: timeout");
      // MutableClock starts at T0 + 1 h.
      assertThat(e.getLastTimestamp()).isEqualTo("2025-03-04T11:00:00Z");
    });
  }

  @Test
  void eventForAReleaseNotYetStoredHasNoUid() {
    CanaryRelease unsaved = Releases.started("ev-unsaved", "api-vs");
    events.transitioned(unsaved, unsaved.status().last());
    assertThat(eventsIn("ev-unsaved")).singleElement()
        .satisfies(e -> assertThat(e.getInvolvedObject().getUid()).isNull());
  }
}
