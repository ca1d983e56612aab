package dev.canarybot.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.canarybot.release.Action;
import dev.canarybot.release.CanaryRelease;
import dev.canarybot.release.HistoryEntry;
import dev.canarybot.release.Phase;
import dev.canarybot.release.ReleaseStatus;
import dev.canarybot.service.port.ConflictException;
import dev.canarybot.service.port.StoredRelease;
import dev.canarybot.service.port.UnreadableReleaseException;
import dev.canarybot.testing.CrdInstaller;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The store against the CRUD mock API server holding the committed CRD. */
@QuarkusTest
@WithKubernetesTestServer(crud = true)
class KubernetesReleaseStoreTest {

  @Inject KubernetesClient client;
  @Inject KubernetesReleaseStore store;

  @BeforeEach
  void installCrd() {
    CrdInstaller.install(client);
  }

  @Test
  void createdReleaseIsFoundAndListed() {
    CanaryRelease release = Releases.withCard(Releases.started("roundtrip", "api-vs"));
    StoredRelease created = store.create(release);

    assertThat(created.release()).isEqualTo(release);
    assertThat(created.version()).isNotBlank();
    assertThat(store.find("roundtrip", "api-vs")).contains(created);
    assertThat(store.list("roundtrip")).containsExactly(created);
    assertThat(store.listAll()).contains(created);
    assertThat(store.find("roundtrip", "other")).isEmpty();
    assertThat(store.list("empty")).isEmpty();
  }

  @Test
  void createKeepsTheStatusDespiteTheSubresource() {
    store.create(Releases.started("createstatus", "api-vs"));
    CanaryReleaseResource raw = client.resources(CanaryReleaseResource.class)
        .inNamespace("createstatus").withName("api-vs").get();
    assertThat(raw.getStatus()).isNotNull();
    assertThat(raw.getStatus().phase).isEqualTo("Progressing");
    assertThat(raw.getStatus().history).hasSize(1);
  }

  @Test
  void createOfAnExistingNameConflicts() {
    store.create(Releases.started("twice", "api-vs"));
    assertThatThrownBy(() -> store.create(Releases.started("twice", "api-vs")))
        .isInstanceOf(ConflictException.class)
        .hasMessage("CanaryRelease api-vs.twice exists already");
  }

  @Test
  void updateBasedOnTheCurrentVersionWins() {
    StoredRelease created = store.create(Releases.started("cas", "api-vs"));
    CanaryRelease promoted = Releases.promoted(created.release(), "@bob", Releases.T0.plusSeconds(1800));

    StoredRelease updated = store.update(created, promoted);

    assertThat(updated.release()).isEqualTo(promoted);
    assertThat(updated.version()).isNotEqualTo(created.version());
    assertThat(store.find("cas", "api-vs")).contains(updated);
  }

  @Test
  void staleUpdateConflictsNamingBothVersionsAndChangesNothing() {
    StoredRelease created = store.create(Releases.started("stale", "api-vs"));
    StoredRelease first = store.update(created, Releases.promoted(created.release(), "@bob", Releases.T0.plusSeconds(60)));

    assertThatThrownBy(() -> store.update(created,
        Releases.promoted(created.release(), "@carol", Releases.T0.plusSeconds(61))))
        .isInstanceOf(ConflictException.class)
        .hasMessage("CanaryRelease api-vs.stale changed since it was read (resourceVersion "
            + created.version() + ", now " + first.version() + ")");
    assertThat(store.find("stale", "api-vs")).contains(first);
  }

  @Test
  void updateOfADeletedReleaseConflicts() {
    StoredRelease created = store.create(Releases.started("gone", "api-vs"));
    client.resources(CanaryReleaseResource.class).inNamespace("gone").withName("api-vs").delete();
    assertThatThrownBy(() -> store.update(created,
        Releases.promoted(created.release(), "@bob", Releases.T0.plusSeconds(60))))
        .isInstanceOf(ConflictException.class)
        .hasMessage("CanaryRelease api-vs.gone was deleted since it was read (resourceVersion "
            + created.version() + ")");
  }

  @Test
  void ofTwentyConcurrentUpdatesExactlyOneWins() throws Exception {
    StoredRelease created = store.create(Releases.started("race", "api-vs"));
    int threads = 20;
    CyclicBarrier allHaveRead = new CyclicBarrier(threads);
    AtomicInteger wins = new AtomicInteger();
    AtomicInteger conflicts = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        String actor = "@user" + i;
        done.add(pool.submit(() -> {
          StoredRelease read = store.find("race", "api-vs").orElseThrow();
          allHaveRead.await(30, TimeUnit.SECONDS);
          try {
            store.update(read, Releases.promoted(read.release(), actor, Releases.T0.plusSeconds(60)));
            wins.incrementAndGet();
          } catch (ConflictException e) {
            conflicts.incrementAndGet();
          }
          return null;
        }));
      }
      for (Future<?> f : done) {
        f.get(60, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(wins.get()).as("winners").isEqualTo(1);
    assertThat(conflicts.get()).as("losers told of the conflict").isEqualTo(threads - 1);
    CanaryRelease stored = store.find("race", "api-vs").orElseThrow().release();
    assertThat(stored.status().history()).hasSize(2);
    assertThat(stored.weight()).isEqualTo(50);
    assertThat(created.release().status().history()).isEqualTo(stored.status().history().subList(0, 1));
  }

  @Test
  void restartOnTheSameNameWritesSpecAndStatus() {
    StoredRelease created = store.create(Releases.started("restart", "api-vs"));
    CanaryRelease before = created.release();
    ReleaseStatus s = before.status();
    List<HistoryEntry> history = new ArrayList<>(s.history());
    history.add(new HistoryEntry(Releases.T0.plusSeconds(7200), "@dave", Action.START, Phase.RolledBack,
        Phase.Progressing, 0, 5, "canary v3 at 5 %"));
    CanaryRelease restarted = new CanaryRelease(before.name(),
        new dev.canarybot.release.ReleaseTarget("restart", "api-vs", "primary",
            "api-service.restart.svc.cluster.local", "v2", "v3", "api-v2", "api-v3"),
        Releases.plan(java.time.Duration.ofHours(2), 5, 100), false,
        new ReleaseStatus(Phase.Progressing, 0, 5, Releases.T0.plusSeconds(7200), 0, false, null, null, history));

    StoredRelease updated = store.update(created, restarted);

    assertThat(updated.release()).isEqualTo(restarted);
    assertThat(store.find("restart", "api-vs").orElseThrow()).isEqualTo(updated);
  }

  @Test
  void staleSpecChangeConflictsBeforeWritingAnything() {
    StoredRelease created = store.create(Releases.started("stalespec", "api-vs"));
    StoredRelease first = store.update(created, Releases.promoted(created.release(), "@bob", Releases.T0.plusSeconds(60)));
    CanaryRelease before = created.release();
    CanaryRelease noAutoRollback = new CanaryRelease(before.name(), before.target(), before.plan(), false, before.status());

    assertThatThrownBy(() -> store.update(created, noAutoRollback)).isInstanceOf(ConflictException.class);
    assertThat(store.find("stalespec", "api-vs")).contains(first);
  }

  @Test
  void historyIsAppendOnly() {
    StoredRelease created = store.create(Releases.started("append", "api-vs"));
    StoredRelease promoted = store.update(created,
        Releases.promoted(created.release(), "@bob", Releases.T0.plusSeconds(60)));
    ReleaseStatus s = promoted.release().status();
    CanaryRelease rewritten = promoted.release().withStatus(new ReleaseStatus(s.phase(), s.stepIndex(),
        s.weight(), s.stepStartedAt(), s.appliedWeight(), s.drifted(), s.cleanupMode(), s.card(),
        s.history().subList(1, 2)));

    assertThatThrownBy(() -> store.update(promoted, rewritten))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("append-only");
    assertThat(store.find("append", "api-vs")).contains(promoted);
  }

  @Test
  void listAllCoversTheConfiguredNamespacesOnly() {
    store.create(Releases.started("team-a", "api-vs"));
    store.create(Releases.started("team-b", "api-vs"));
    store.create(Releases.started("team-c", "api-vs"));
    KubernetesReleaseStore limited = new KubernetesReleaseStore(client, List.of("team-a", "team-c"));

    assertThat(limited.listAll().stream().map(r -> r.release().namespace()).collect(Collectors.toList()))
        .containsExactly("team-a", "team-c");
    assertThat(store.listAll().stream().map(r -> r.release().namespace()).collect(Collectors.toList()))
        .contains("team-a", "team-b", "team-c");
  }

  @Test
  void listSkipsAReleaseWithoutStatus() {
    CanaryReleaseResource bare = CanaryReleaseMapper.toResource(Releases.started("bare", "half"));
    client.resources(CanaryReleaseResource.class).inNamespace("bare").resource(bare).create();
    StoredRelease whole = store.create(Releases.started("bare", "api-vs"));

    assertThat(store.list("bare")).containsExactly(whole);
    // Not yet a release: a start adopts it, finishing the create the bot never finished.
    assertThat(store.find("bare", "half")).isEmpty();
    StoredRelease adopted = store.create(Releases.started("bare", "half"));
    assertThat(store.find("bare", "half")).contains(adopted);
  }

  @Test
  void aReleaseNamingAnotherNamespaceIsUnreadableAndMarkedFailedOnce() {
    CanaryRelease r = Releases.started("lonely", "elsewhere");
    store.create(r);
    CanaryReleaseResource edited = client.resources(CanaryReleaseResource.class).inNamespace("lonely")
        .withName("elsewhere").get();
    edited.getSpec().target.namespace = "other";
    client.resources(CanaryReleaseResource.class).inNamespace("lonely").resource(edited).update();

    var scan = new KubernetesReleaseStore(client, java.util.List.of("lonely")).scan();
    assertThat(scan.readable()).isEmpty();
    var unreadable = scan.unreadable().get(0);
    assertThat(unreadable.reason()).isEqualTo("CanaryRelease elsewhere.lonely names spec.target.namespace "
        + "\"other\", but a CanaryRelease acts only in its own namespace lonely");
    assertThat(unreadable.marked()).isFalse();
    assertThatThrownBy(() -> store.find("lonely", "elsewhere")).isInstanceOf(UnreadableReleaseException.class);

    store.markUnreadable(unreadable);
    var again = new KubernetesReleaseStore(client, java.util.List.of("lonely")).scan().unreadable().get(0);
    assertThat(again.marked()).isTrue();
    assertThat(client.resources(CanaryReleaseResource.class).inNamespace("lonely").withName("elsewhere").get()
        .getStatus().phase).isEqualTo("Failed");
    // A stale mark loses: it is a compare-and-swap.
    assertThatThrownBy(() -> store.markUnreadable(unreadable)).isInstanceOf(dev.canarybot.service.port.ConflictException.class);
  }
}
