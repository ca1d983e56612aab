package dev.canarybot.mesh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.canarybot.service.port.TargetException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class IstioVersionChoiceTest {
  private static final Optional<String> UNSET = Optional.empty();

  private static Supplier<ServedVersions> serves(String preferred, String... versions) {
    return () -> new ServedVersions("networking.istio.io", List.of(versions), preferred);
  }

  private static final Supplier<ServedVersions> NEVER_ASKED = () -> {
    throw new AssertionError("the API server was asked although both kinds are pinned");
  };

  private static String chosenVirtualServices(Supplier<ServedVersions> served) {
    return IstioVersionChoice.choose(UNSET, UNSET, served).virtualServices().apiVersion();
  }

  @Test
  void bothPinnedAsksNothing() {
    IstioApiVersions chosen = IstioVersionChoice.choose(Optional.of("networking.istio.io/v1beta1"),
        Optional.of("networking.istio.io/v1"), NEVER_ASKED);
    assertThat(chosen.virtualServices().apiVersion()).isEqualTo("networking.istio.io/v1beta1");
    assertThat(chosen.destinationRules().apiVersion()).isEqualTo("networking.istio.io/v1");
    assertThat(chosen.virtualServices().describe())
        .isEqualTo("networking.istio.io/v1beta1 (pinned by canary.mesh.virtual-service-api-version)");
  }

  @Test
  void unpinnedUsesTheServersPreferredVersion() {
    IstioApiVersions chosen = IstioVersionChoice.choose(UNSET, UNSET, serves("v1", "v1", "v1beta1", "v1alpha3"));
    assertThat(chosen.virtualServices().apiVersion()).isEqualTo("networking.istio.io/v1");
    assertThat(chosen.destinationRules().apiVersion()).isEqualTo("networking.istio.io/v1");
    assertThat(chosen.virtualServices().describe()).isEqualTo("networking.istio.io/v1 "
        + "(the API server's preferred version; it serves v1, v1beta1, v1alpha3)");
  }

  @Test
  void aServerOfV1beta1OnlyGivesV1beta1() {
    assertThat(chosenVirtualServices(serves("v1beta1", "v1beta1", "v1alpha3"))).isEqualTo("networking.istio.io/v1beta1");
  }

  @Test
  void aServerOfV1OnlyGivesV1() {
    assertThat(chosenVirtualServices(serves("v1", "v1"))).isEqualTo("networking.istio.io/v1");
  }

  @Test
  void aPreferredVersionTheBotDoesNotKnowFallsBackToTheFirstKnownListed() {
    // A future v2 may change the fields; v1 is the first listed one whose fields the bot knows.
    IstioApiVersion chosen = IstioVersionChoice.choose(UNSET, UNSET, serves("v2", "v2", "v1", "v1beta1"))
        .virtualServices();
    assertThat(chosen.apiVersion()).isEqualTo("networking.istio.io/v1");
    assertThat(chosen.why()).contains("v2, v1, v1beta1 (preferred v2)");
  }

  @Test
  void noPreferredVersionTakesTheFirstKnownListed() {
    assertThat(chosenVirtualServices(serves(null, "v1beta1", "v1alpha3"))).isEqualTo("networking.istio.io/v1beta1");
  }

  @Test
  void onlyUnknownVersionsAreRefusedNamingThemAndThePins() {
    assertThatThrownBy(() -> chosenVirtualServices(serves("v2", "v2")))
        .isInstanceOf(TargetException.class)
        .hasMessageContaining("only as v2 (preferred v2)")
        .hasMessageContaining("canary.mesh.virtual-service-api-version")
        .hasMessageContaining("canary.mesh.destination-rule-api-version");
  }

  @Test
  void aGroupNotServedIsRefusedAskingWhetherIstioIsInstalled() {
    assertThatThrownBy(() -> chosenVirtualServices(() -> ServedVersions.none("networking.istio.io")))
        .isInstanceOf(TargetException.class)
        .hasMessageContaining("serves no networking.istio.io API group")
        .hasMessageContaining("is Istio installed?");
  }

  @Test
  void onePinnedKindKeepsItsPinAndTheOtherIsDiscoveredWithOneAsk() {
    AtomicInteger asked = new AtomicInteger();
    IstioApiVersions chosen = IstioVersionChoice.choose(UNSET, Optional.of("networking.istio.io/v1beta1"), () -> {
      asked.incrementAndGet();
      return new ServedVersions("networking.istio.io", List.of("v1", "v1beta1"), "v1");
    });
    assertThat(chosen.virtualServices().apiVersion()).isEqualTo("networking.istio.io/v1");
    assertThat(chosen.destinationRules().apiVersion()).isEqualTo("networking.istio.io/v1beta1");
    assertThat(asked).hasValue(1);
  }

  @Test
  void aPinIsTrimmed() {
    assertThat(IstioVersionChoice.choose(Optional.of(" networking.istio.io/v1 "), Optional.of("networking.istio.io/v1"),
        NEVER_ASKED).virtualServices().apiVersion()).isEqualTo("networking.istio.io/v1");
  }

  @Test
  void malformedPinsAreRefusedNamingTheSettingAndTheForm() {
    for (String pin : List.of("v1", "networking.istio.io", "networking.istio.io/", "other.example/v1",
        "networking.istio.io/v1 beta1", "networking.istio.io/v1/x", "networking.istio.io/V1", "networking.istio.io/v0")) {
      assertThatThrownBy(() -> IstioVersionChoice.choose(Optional.of(pin), UNSET, NEVER_ASKED))
          .as(pin)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("canary.mesh.virtual-service-api-version is \"" + pin + "\"")
          .hasMessageContaining("networking.istio.io/<version>");
    }
  }

  @Test
  void aMalformedDestinationRulePinNamesItsOwnSetting() {
    assertThatThrownBy(() -> IstioVersionChoice.choose(UNSET, Optional.of("v1beta1"), NEVER_ASKED))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("canary.mesh.destination-rule-api-version is \"v1beta1\"");
  }
}
