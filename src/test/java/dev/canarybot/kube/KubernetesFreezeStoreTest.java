package dev.canarybot.kube;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.canarybot.release.Freeze;
import dev.canarybot.release.FreezeState;
import dev.canarybot.service.port.ClusterUnavailableException;
import dev.canarybot.service.port.ConflictException;
import dev.canarybot.service.port.FreezeStore;
import dev.canarybot.testing.CrudApiServer;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The freezes as a ConfigMap: readable with kubectl, written only with the version read. */
class KubernetesFreezeStoreTest {
  static final Freeze ALL = new Freeze(null, "<@U0ALICE>", Instant.parse("2026-11-28T10:02:00Z"), "incident 4711");

  final CrudApiServer api = new CrudApiServer();
  final KubernetesClient client = api.client();
  final KubernetesFreezeStore store = new KubernetesFreezeStore(client, "canary-bot", "canary-bot-freeze");

  @AfterEach
  void stop() {
    client.close();
    api.close();
  }

  @Test
  void noConfigMapIsNoFreezeAndTheFirstWriteCreatesIt() {
    FreezeStore.Stored none = store.read();
    assertThat(none.state()).isEqualTo(FreezeState.NONE);
    assertThat(none.version()).isNull();

    FreezeState frozen = FreezeState.NONE.freeze(ALL).state();
    store.write(none, frozen);

    assertThat(store.read().state()).isEqualTo(frozen);
    ConfigMap map = client.configMaps().inNamespace("canary-bot").withName("canary-bot-freeze").get();
    assertThat(map.getData().get("summary"))
        .isEqualTo("frozen by <@U0ALICE> at 2026-11-28T10:02:00Z (every managed namespace): incident 4711");
    assertThat(map.getData().get("history")).contains("\"action\":\"freeze\"", "\"actor\":\"<@U0ALICE>\"");
  }

  @Test
  void aWriteFromAStaleReadLoses() {
    FreezeStore.Stored first = store.read();
    store.write(first, FreezeState.NONE.freeze(ALL).state());
    // a second replica read before the first wrote: its create is refused
    assertThatThrownBy(() -> store.write(first, FreezeState.NONE))
        .isInstanceOf(ConflictException.class);
    FreezeStore.Stored now = store.read();
    FreezeState lifted = now.state().unfreeze(null, "<@U0BOB>", ALL.at().plusSeconds(60)).state();
    FreezeStore.Stored written = store.write(now, lifted);
    // and an update from the older version is refused too
    assertThatThrownBy(() -> store.write(now, now.state())).isInstanceOf(ConflictException.class);
    assertThat(store.read().state()).isEqualTo(lifted);
    assertThat(written.version()).isNotEqualTo(now.version());
    assertThat(lifted.history()).hasSize(2);
  }

  @Test
  void aConfigMapThatCannotBeReadIsNeverNoFreeze() {
    client.configMaps().inNamespace("canary-bot").resource(new ConfigMapBuilder().withNewMetadata()
        .withName("canary-bot-freeze").endMetadata().addToData("active", "{not json").build()).create();
    assertThatThrownBy(store::read).isInstanceOf(ClusterUnavailableException.class)
        .hasMessageContaining("holds no readable freeze").hasMessageContaining("fix or delete it");
  }
}
