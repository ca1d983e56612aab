package dev.canarybot.demo.workloads;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReplicaDecisionTest {
  static final Instant NOW = Instant.parse("2025-03-04T11:00:00Z");
  static final Duration DELAY = Duration.ofSeconds(2);
  static final String HASH = "5d9c7b6f4";

  static DeploymentView deployment(long generation, int replicas, ReplicaStatus status) {
    return new DeploymentView("default", "api-v2", generation, replicas, HASH, status);
  }

  static PodView ready(String name, int secondsAgo) {
    return new PodView(name, NOW.minusSeconds(secondsAgo), PodState.READY, null, HASH, null);
  }

  static PodView pending(String name, int secondsAgo, Instant dueAt) {
    return new PodView(name, NOW.minusSeconds(secondsAgo), PodState.PENDING, null, HASH, dueAt);
  }

  static PodView failing(String name, int secondsAgo, String reason) {
    return new PodView(name, NOW.minusSeconds(secondsAgo), PodState.FAILING, reason, HASH, null);
  }

  @Test
  void scalingUpCreatesPendingPodsAndReportsThemAsNotReadyYet() {
    // Generation 2 asks for 3; one pod serves: create 2, and status says 3 pods, 1 ready, 2 short.
    Reconciliation r = ReplicaDecision.decide(deployment(2, 3, new ReplicaStatus(1, 1, 1, 1, 1, 0)),
        List.of(ready("a", 600)), null, false, DELAY, NOW);
    assertThat(r.create()).isEqualTo(2);
    assertThat(r.delete()).isEmpty();
    assertThat(r.ready()).isEmpty();
    assertThat(r.status()).isEqualTo(new ReplicaStatus(2, 3, 3, 1, 1, 2));
    assertThat(r.writeStatus()).isTrue();
    assertThat(r.wakeAt()).contains(NOW.plus(DELAY)); // the new pods fall due 2 s from now
  }

  @Test
  void pendingPodsBecomeReadyWhenDueAndNotBefore() {
    PodView due = pending("b", 2, NOW);                  // due exactly now: ready
    PodView early = pending("c", 1, NOW.plusSeconds(1)); // due in 1 s: still pending
    Reconciliation r = ReplicaDecision.decide(deployment(2, 3, null), List.of(ready("a", 600), due, early),
        null, false, DELAY, NOW);
    assertThat(r.create()).isZero();
    assertThat(r.ready()).containsExactly("b");
    assertThat(r.status()).isEqualTo(new ReplicaStatus(2, 3, 3, 2, 2, 1));
    assertThat(r.wakeAt()).contains(NOW.plusSeconds(1));
  }

  @Test
  void scalingDownRemovesFailingThenPendingThenTheNewestReadyPods() {
    List<PodView> pods = List.of(ready("old", 600), ready("newer", 300), ready("newest", 60),
        pending("starting", 1, NOW.plusSeconds(1)), failing("broken", 120, "ImagePullBackOff"));
    // 5 pods, 2 wanted: broken (failing), starting (pending), newest (the youngest ready) go.
    Reconciliation r = ReplicaDecision.decide(deployment(3, 2, null), pods, null, false, DELAY, NOW);
    assertThat(r.delete()).containsExactly("broken", "starting", "newest");
    assertThat(r.create()).isZero();
    assertThat(r.status()).isEqualTo(new ReplicaStatus(3, 2, 2, 2, 2, 0));
    assertThat(r.wakeAt()).isEmpty();
  }

  @Test
  void scalingToZeroRemovesEveryPod() {
    Reconciliation r = ReplicaDecision.decide(deployment(4, 0, null), List.of(ready("a", 60), ready("b", 30)),
        null, false, DELAY, NOW);
    assertThat(r.delete()).containsExactlyInAnyOrder("a", "b");
    assertThat(r.status()).isEqualTo(new ReplicaStatus(4, 0, 0, 0, 0, 0));
  }

  @Test
  void withAFailReasonDuePodsFailAndReadyOnesKeepServing() {
    List<PodView> pods = List.of(ready("a", 600), pending("b", 2, NOW), pending("c", 0, NOW.plus(DELAY)));
    Reconciliation r = ReplicaDecision.decide(deployment(2, 3, null), pods, "ImagePullBackOff", false, DELAY, NOW);
    assertThat(r.fail()).containsExactly("b");
    assertThat(r.failReason()).isEqualTo("ImagePullBackOff");
    assertThat(r.ready()).isEmpty();
    // a serves; b fails; c is still starting, and will fail too when due.
    assertThat(r.status()).isEqualTo(new ReplicaStatus(2, 3, 3, 1, 1, 2));
    assertThat(r.wakeAt()).contains(NOW.plus(DELAY));
  }

  @Test
  void aFailingPodStaysFailingUntilTheKnobIsClearedThenRecoversAtOnce() {
    List<PodView> pods = List.of(ready("a", 600), failing("b", 60, "ImagePullBackOff"));
    Reconciliation still = ReplicaDecision.decide(deployment(2, 2, new ReplicaStatus(2, 2, 2, 1, 1, 1)), pods,
        "ImagePullBackOff", false, DELAY, NOW);
    assertThat(still.fail()).isEmpty();
    assertThat(still.ready()).isEmpty();
    assertThat(still.writeStatus()).as("nothing changed").isFalse();

    Reconciliation cleared = ReplicaDecision.decide(deployment(2, 2, null), pods, null, false, DELAY, NOW);
    assertThat(cleared.ready()).containsExactly("b");
    assertThat(cleared.status().readyReplicas()).isEqualTo(2);
  }

  @Test
  void aFailingPodTakesANewReasonWhenTheKnobChanges() {
    Reconciliation r = ReplicaDecision.decide(deployment(2, 1, null), List.of(failing("b", 60, "ImagePullBackOff")),
        "CrashLoopBackOff", false, DELAY, NOW);
    assertThat(r.fail()).containsExactly("b");
    assertThat(r.failReason()).isEqualTo("CrashLoopBackOff");
  }

  @Test
  void pausedReadinessMovesNoPodButStillScales() {
    List<PodView> pods = List.of(pending("b", 60, NOW.minusSeconds(58)), failing("c", 60, "ImagePullBackOff"));
    // b was due 58 s ago and c's knob is cleared, yet paused both stay; one more pod is created.
    Reconciliation r = ReplicaDecision.decide(deployment(5, 3, null), pods, null, true, DELAY, NOW);
    assertThat(r.ready()).isEmpty();
    assertThat(r.fail()).isEmpty();
    assertThat(r.create()).isEqualTo(1);
    assertThat(r.status()).isEqualTo(new ReplicaStatus(5, 3, 3, 0, 0, 3));
    assertThat(r.wakeAt()).as("nothing falls due while paused").isEmpty();
  }

  @Test
  void podsOfAnOlderTemplateAreNotUpdated() {
    PodView old = new PodView("a", NOW.minusSeconds(600), PodState.READY, null, "7f8b9c6d5", null);
    Reconciliation r = ReplicaDecision.decide(deployment(2, 2, null), List.of(old, ready("b", 60)),
        null, false, DELAY, NOW);
    assertThat(r.status()).isEqualTo(new ReplicaStatus(2, 2, 1, 2, 2, 0));
  }

  @Test
  void aSettledDeploymentNeedsNoWrite() {
    ReplicaStatus settled = new ReplicaStatus(1, 1, 1, 1, 1, 0);
    Reconciliation r = ReplicaDecision.decide(deployment(1, 1, settled), List.of(ready("a", 60)), null, false, DELAY, NOW);
    assertThat(r.touchesPods()).isFalse();
    assertThat(r.writeStatus()).isFalse();
    assertThat(r.wakeAt()).isEqualTo(Optional.empty());
  }

  @Test
  void aNewGenerationIsObservedEvenWhenTheCountsStayTheSame() {
    // Generation 3 changed something other than replicas: only observedGeneration moves.
    Reconciliation r = ReplicaDecision.decide(deployment(3, 1, new ReplicaStatus(2, 1, 1, 1, 1, 0)),
        List.of(ready("a", 60)), null, false, DELAY, NOW);
    assertThat(r.writeStatus()).isTrue();
    assertThat(r.status().observedGeneration()).isEqualTo(3);
  }
}
