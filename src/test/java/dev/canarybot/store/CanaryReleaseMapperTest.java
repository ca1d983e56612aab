package dev.canarybot.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.canarybot.release.Action;
import dev.canarybot.release.AddedRoute;
import dev.canarybot.release.CanaryRelease;
import dev.canarybot.release.CleanupMode;
import dev.canarybot.release.HistoryEntry;
import dev.canarybot.release.Phase;
import dev.canarybot.release.ReleaseStatus;
import dev.canarybot.release.TestersMatch;
import dev.canarybot.release.VerdictKind;
import dev.canarybot.service.port.UnreadableReleaseException;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CanaryReleaseMapperTest {

  /** Through JSON too, since that is what the cluster keeps. */
  private static CanaryRelease roundTrip(CanaryRelease release) {
    String json = Serialization.asJson(CanaryReleaseMapper.toResource(release));
    return CanaryReleaseMapper.toDomain(Serialization.unmarshal(json, CanaryReleaseResource.class));
  }

  @Test
  void startedReleaseSurvivesTheRoundTrip() {
    CanaryRelease release = Releases.started("default", "api-vs");
    assertThat(roundTrip(release)).isEqualTo(release);
  }

  @Test
  void resourceIsNamedForTheReleaseInTheTargetNamespace() {
    CanaryReleaseResource r = CanaryReleaseMapper.toResource(Releases.started("shop", "api-vs"));
    assertThat(r.getMetadata().getName()).isEqualTo("api-vs");
    assertThat(r.getMetadata().getNamespace()).isEqualTo("shop");
    assertThat(r.getApiVersion()).isEqualTo("canarybot.dev/v1alpha1");
    assertThat(r.getKind()).isEqualTo("CanaryRelease");
    assertThat(r.getMetadata().getResourceVersion()).isNull();
  }

  @Test
  void unnamedRouteAndMissingCardStayAbsent() {
    CanaryRelease started = Releases.started("default", "api-vs");
    CanaryRelease release = new CanaryRelease(started.name(), Releases.target("default", null),
        started.plan(), false, started.status());
    String json = Serialization.asJson(CanaryReleaseMapper.toResource(release));
    assertThat(json).doesNotContain("\"route\"").doesNotContain("\"card\"");
    CanaryRelease back = roundTrip(release);
    assertThat(back).isEqualTo(release);
    assertThat(back.target().route()).isNull();
    assertThat(back.status().card()).isNull();
  }

  @Test
  void cardSurvivesTheRoundTrip() {
    CanaryRelease release = Releases.withCard(Releases.started("default", "api-vs"));
    assertThat(roundTrip(release).status().card()).isEqualTo(release.status().card());
  }

  @Test
  void testersAndTheRoutesTheBotAddedSurviveTheRoundTrip() {
    CanaryRelease started = Releases.started("default", "api-vs").withTesters(TestersMatch.parse("x-user~^a.*$"));
    CanaryRelease release = started.withStatus(started.status().withAddedRoute(started.testersRoute(),
        new AddedRoute(started.testersRoute(), "0123abcd", "api.example.com/api/v1")));
    CanaryRelease back = roundTrip(release);
    assertThat(back).isEqualTo(release);
    assertThat(CanaryReleaseMapper.toResource(release).getSpec().testers).isEqualTo("x-user~^a.*$");
  }

  @Test
  void aReleasesOwnWindowsSurviveAndABadOneIsUnreadableNeverAlways() {
    CanaryReleaseResource resource = CanaryReleaseMapper.toResource(Releases.started("default", "api-vs"));
    resource.getSpec().windows = "Mon-Fri 09:00-17:00 Europe/Berlin";
    CanaryRelease read = CanaryReleaseMapper.toDomain(resource);
    assertThat(read.windows()).isEqualTo("Mon-Fri 09:00-17:00 Europe/Berlin");
    assertThat(CanaryReleaseMapper.toResource(read).getSpec().windows).isEqualTo("Mon-Fri 09:00-17:00 Europe/Berlin");

    resource.getSpec().windows = "weekdays 9 to 5";
    assertThatThrownBy(() -> CanaryReleaseMapper.toDomain(resource)).isInstanceOf(UnreadableReleaseException.class)
        .hasMessageContaining("spec.windows");
  }

  @Test
  void aHandEditedTestersConditionThatDoesNotParseIsUnreadable() {
    CanaryReleaseResource resource = CanaryReleaseMapper.toResource(Releases.started("default", "api-vs"));
    resource.getSpec().testers = "X-Canary=always";
    assertThatThrownBy(() -> CanaryReleaseMapper.toDomain(resource)).isInstanceOf(UnreadableReleaseException.class)
        .hasMessageContaining("spec.testers: header name");
  }

  @Test
  void aStatusWithoutHistoryIsMalformed() {
    // Every release the bot writes has at least its start entry; one without is hand-made.
    CanaryRelease started = Releases.started("default", "api-vs");
    ReleaseStatus s = started.status();
    CanaryRelease release = started.withStatus(new ReleaseStatus(s.phase(), s.stepIndex(), s.weight(),
        s.stepStartedAt(), s.appliedWeight(), s.drifted(), null, null, List.of()));
    assertThatThrownBy(() -> roundTrip(release)).isInstanceOf(UnreadableReleaseException.class)
        .hasMessage("CanaryRelease api-vs.default: status.history is empty");
  }

  @Test
  void longHistoryKeepsTheNewestHundredInOrderAndCountsTheRest() {
    CanaryRelease started = Releases.started("default", "api-vs");
    List<HistoryEntry> history = new ArrayList<>(started.status().history());
    for (int i = 0; i < 500; i++) {
      Phase from = i % 2 == 0 ? Phase.Progressing : Phase.Paused;
      Phase to = i % 2 == 0 ? Phase.Paused : Phase.Progressing;
      history.add(new HistoryEntry(Releases.T0.plusSeconds(i).plusNanos(123_456_789), "@bob" + i,
          i % 2 == 0 ? Action.PAUSE : Action.RESUME, from, to, 10, 10, "entry " + i));
    }
    ReleaseStatus s = started.status();
    CanaryRelease release = started.withStatus(new ReleaseStatus(Phase.Progressing, 0, 10,
        s.stepStartedAt(), 10, false, CleanupMode.DELETE, null, history));
    CanaryRelease back = roundTrip(release);
    // 1 start entry + 500 pauses/resumes = 501; the newest 100 are entries 400..499.
    assertThat(back.status().history()).containsExactlyElementsOf(history.subList(401, 501));
    assertThat(back.status().history().get(0).reason()).isEqualTo("entry 400");
    assertThat(back.status().olderEntries()).isEqualTo(401);
    assertThat(back.status().transitions()).isEqualTo(501);
    assertThat(back).isEqualTo(release);
  }

  @Test
  void firstStartHasNoPhaseBeforeAndWeightMinusOne() {
    HistoryEntry first = roundTrip(Releases.started("default", "api-vs")).status().history().get(0);
    assertThat(first.fromPhase()).isNull();
    assertThat(first.fromWeight()).isEqualTo(-1);
  }

  @Test
  void customPlanAndAutoRollbackSurvive() {
    CanaryRelease started = Releases.started("default", "api-vs");
    CanaryRelease release = new CanaryRelease(started.name(), started.target(),
        Releases.plan(Duration.ofMinutes(90), 5, 25, 50, 100), false, started.status());
    CanaryReleaseResource resource = CanaryReleaseMapper.toResource(release);
    assertThat(resource.getSpec().cleanupAfter).isEqualTo("PT1H30M");
    assertThat(resource.getSpec().steps).containsExactly(5, 25, 50, 100);
    assertThat(roundTrip(release)).isEqualTo(release);
  }

  @Test
  void timesAreWrittenInUtcAndReadWithAnyOffset() {
    CanaryReleaseResource resource = CanaryReleaseMapper.toResource(Releases.started("default", "api-vs"));
    assertThat(resource.getStatus().stepStartedAt).isEqualTo("2025-03-04T10:00:00Z");
    resource.getStatus().stepStartedAt = "2025-03-04T12:00:00+02:00";
    assertThat(CanaryReleaseMapper.toDomain(resource).status().stepStartedAt())
        .isEqualTo(Instant.parse("2025-03-04T10:00:00Z"));
  }

  @Test
  void resourceWithoutStatusIsMalformed() {
    CanaryReleaseResource resource = CanaryReleaseMapper.toResource(Releases.started("default", "api-vs"));
    resource.setStatus(null);
    assertThatThrownBy(() -> CanaryReleaseMapper.toDomain(resource))
        .isInstanceOf(UnreadableReleaseException.class)
        .hasMessage("CanaryRelease api-vs.default has no status yet");
  }

  @Test
  void handEditedInvalidPlanIsMalformedAndNamesTheObject() {
    CanaryReleaseResource resource = CanaryReleaseMapper.toResource(Releases.started("default", "api-vs"));
    resource.getSpec().steps = List.of(50, 10);
    assertThatThrownBy(() -> CanaryReleaseMapper.toDomain(resource))
        .isInstanceOf(UnreadableReleaseException.class)
        .hasMessageStartingWith("CanaryRelease api-vs.default cannot be read: step 10 does not increase");
  }

  @Test
  void thresholdOverridesAndTheLastVerdictSurvive() {
    CanaryRelease started = Releases.started("default", "api-vs");
    CanaryRelease release = new CanaryRelease(started.name(), started.target(), started.plan(),
        started.autoRollback(), started.status(), java.util.Map.of("maxErrorRate", "0.5%", "rollbackP95", "4s"))
        .withLastVerdict(new dev.canarybot.release.LastVerdict(VerdictKind.Watch, "Watch: v2 5xx 0.7 %",
            Releases.T0.plusSeconds(90)));
    assertThat(roundTrip(release)).isEqualTo(release);
    assertThat(CanaryReleaseMapper.toResource(release).getStatus().lastVerdict.kind).isEqualTo("Watch");
  }

  @Test
  void unknownVerdictKindIsUnreadableNotHealthy() {
    CanaryReleaseResource resource = CanaryReleaseMapper.toResource(Releases.started("default", "api-vs")
        .withLastVerdict(new dev.canarybot.release.LastVerdict(VerdictKind.Healthy, "Healthy: all good", Releases.T0)));
    resource.getStatus().lastVerdict.kind = "Fine";
    assertThatThrownBy(() -> CanaryReleaseMapper.toDomain(resource))
        .isInstanceOf(UnreadableReleaseException.class)
        .hasMessage("CanaryRelease api-vs.default cannot be read: status.lastVerdict.kind \"Fine\" is unknown;"
            + " expected Healthy, Inconclusive, Watch or Breach");
  }
}
