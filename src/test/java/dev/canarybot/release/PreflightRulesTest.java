package dev.canarybot.release;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canarybot.release.Preflight.Finding;
import dev.canarybot.release.Preflight.Level;
import dev.canarybot.release.StartFacts.Owner;
import dev.canarybot.release.StartFacts.PodMesh;
import dev.canarybot.release.StartFacts.RouteMeta;
import dev.canarybot.release.StartFacts.Sample;
import dev.canarybot.release.StartFacts.Workload;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The checks before a start, one row per situation: the level each of the five findings gets
 * (canary Deployment, mesh, route owner, image, metrics, in that order) and words the finding
 * that decides must contain. Each row changes one fact of a healthy start.
 */
class PreflightRulesTest {
  static final ReleaseTarget TARGET = new ReleaseTarget("default", "api-vs", "primary",
      "api-service.default.svc.cluster.local", "v1", "v2", "api-v1", "api-v2");

  static Workload workload(String name, String image, int replicas, PodMesh... pods) {
    return new Workload(name, true, false, 4L, 4L, replicas, replicas, List.of(image), List.of(pods));
  }

  static PodMesh meshed(String name) {
    return new PodMesh(name, true, false);
  }

  /** Every check passes: rolled out, meshed, nobody else's route, a new image, stable traffic seen. */
  static StartFacts healthy() {
    return new StartFacts(TARGET,
        workload("api-v1", "ghcr.io/example/api:1.0.0", 2, meshed("api-v1-a"), meshed("api-v1-b")),
        workload("api-v2", "ghcr.io/example/api:1.1.0", 1, meshed("api-v2-a")),
        null, RouteMeta.none(), new Sample(Sample.State.SEEN, "12 requests"));
  }

  static StartFacts canary(StartFacts f, Workload c) {
    return new StartFacts(f.target(), f.stable(), c, f.workloadMismatch(), f.route(), f.stableSample());
  }

  static StartFacts route(StartFacts f, RouteMeta r) {
    return new StartFacts(f.target(), f.stable(), f.canary(), f.workloadMismatch(), r, f.stableSample());
  }

  static StartFacts sample(StartFacts f, Sample s) {
    return new StartFacts(f.target(), f.stable(), f.canary(), f.workloadMismatch(), f.route(), s);
  }

  static Arguments row(String name, UnaryOperator<StartFacts> change, String levels, String words) {
    return Arguments.of(name, change, levels, words);
  }

  static Stream<Arguments> rows() {
    return Stream.of(
        row("healthy", f -> f, "OK OK OK OK OK", "all 3 pods of api-v1 and api-v2 are in the mesh"),
        row("canary Deployment gone", f -> canary(f, Workload.missing("api-v2")),
            // a missing Deployment has no pods to judge, so the mesh check skips it: 2 stable pods
            "REFUSE OK OK OK OK", "Deployment api-v2.default (subset v2) is not there"),
        row("canary pods labelled for another subset", f -> new StartFacts(f.target(), f.stable(), f.canary(),
                "Deployment api-v2.default does not run subset v2", f.route(), f.stableSample()),
            "REFUSE OK OK OK OK", "--canary <subset>"),
        row("paused", f -> canary(f, new Workload("api-v2", true, true, 4L, 4L, 1, 1, List.of("x:2"),
                List.of(meshed("api-v2-a")))),
            "REFUSE OK OK OK OK", "kubectl rollout resume deployment/api-v2 -n default"),
        row("spec not yet observed", f -> canary(f, new Workload("api-v2", true, false, 5L, 4L, 1, 1, List.of("x:2"),
                List.of(meshed("api-v2-a")))),
            "REFUSE OK OK OK OK", "generation 5 (observed 4)"),
        row("no status at all", f -> canary(f, new Workload("api-v2", true, false, 1L, null, 1, 0, List.of("x:2"),
                List.of(meshed("api-v2-a")))),
            "REFUSE OK OK OK OK", "(observed none)"),
        row("replicas not all updated", f -> canary(f, new Workload("api-v2", true, false, 4L, 4L, 3, 2, List.of("x:2"),
                List.of(meshed("api-v2-a")))),
            // 2 of spec.replicas 3 run the latest template
            "REFUSE OK OK OK OK", "2 of 3 replicas run its latest template"),
        row("a canary pod without sidecar", f -> canary(f, workload("api-v2", "ghcr.io/example/api:1.1.0", 2,
                meshed("api-v2-a"), new PodMesh("api-v2-b", false, false))),
            "OK REFUSE OK OK OK", "api-v2 (1 of 2 pods: api-v2-b)"),
        row("stable pods without sidecar name at most three", f -> new StartFacts(f.target(),
                workload("api-v1", "a:1", 4, new PodMesh("p1", false, false), new PodMesh("p2", false, false),
                    new PodMesh("p3", false, false), new PodMesh("p4", false, false)),
                f.canary(), null, f.route(), f.stableSample()),
            "OK REFUSE OK OK OK", "api-v1 (4 of 4 pods: p1, p2, p3, …)"),
        row("refusal says how to enable injection", f -> canary(f, workload("api-v2", "b:1", 1,
                new PodMesh("api-v2-a", false, false))),
            "OK REFUSE OK OK OK", "kubectl label namespace default istio-injection=enabled"),
        row("ambient pods need no sidecar", f -> canary(f, workload("api-v2", "b:1", 1,
                new PodMesh("api-v2-a", false, true))),
            "OK OK OK OK OK", "all 3 pods"),
        row("canary without pods cannot be checked", f -> canary(f, workload("api-v2", "b:1", 0)),
            "OK WARN OK OK OK", "no pods of api-v2 to check"),
        row("Flagger owns the route", f -> route(f, new RouteMeta(Map.of(),
                List.of(new Owner("flagger.app/v1beta1", "Canary", "api")))),
            "OK OK REFUSE OK OK", "managed by Flagger (owner reference Canary api (flagger.app/v1beta1))"),
        row("Flagger's annotation", f -> route(f, new RouteMeta(
                Map.of("flagger.kubernetes.io/original-configuration", "{}"), List.of())),
            "OK OK REFUSE OK OK", "Release it with Flagger"),
        row("Argo Rollouts' annotation", f -> route(f, new RouteMeta(
                Map.of("argo-rollouts.argoproj.io/managed-by-rollouts", "api"), List.of())),
            "OK OK REFUSE OK OK", "managed by Argo Rollouts (annotation argo-rollouts.argoproj.io/managed-by-rollouts=api)"),
        row("Argo Rollout as owner", f -> route(f, new RouteMeta(Map.of(),
                List.of(new Owner("argoproj.io/v1alpha1", "Rollout", "api")))),
            "OK OK REFUSE OK OK", "Argo Rollouts"),
        row("other owners and annotations are fine", f -> route(f, new RouteMeta(
                Map.of("kubectl.kubernetes.io/last-applied-configuration", "{}"),
                List.of(new Owner("argoproj.io/v1alpha1", "Application", "api"), new Owner("v1", "ConfigMap", "x")))),
            "OK OK OK OK OK", "is not managed by Flagger or Argo Rollouts"),
        row("same image", f -> canary(f, workload("api-v2", "ghcr.io/example/api:1.0.0", 1, meshed("api-v2-a"))),
            "OK OK OK WARN OK", "runs the same image as api-v1 (ghcr.io/example/api:1.0.0)"),
        row("no recent stable sample", f -> sample(f, new Sample(Sample.State.NONE, "nothing in 5m")),
            "OK OK OK OK WARN", "the analysis will report no data"),
        row("metrics unavailable", f -> sample(f, Sample.unavailable("connection refused")),
            "OK OK OK OK WARN", "could not be asked about subset v1 (connection refused)"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rows")
  void decides(String name, UnaryOperator<StartFacts> change, String levels, String words) {
    Preflight p = PreflightRules.decide(change.apply(healthy()));
    assertThat(p.findings()).extracting(Finding::level).map(Level::name)
        .containsExactly(levels.split(" "));
    assertThat(p.refused()).isEqualTo(levels.contains("REFUSE"));
    // The finding that is not OK carries the words; when all are OK, one of them does.
    List<Finding> deciding = p.findings().stream().filter(f -> f.level() != Level.OK).toList();
    assertThat((deciding.isEmpty() ? p.findings() : deciding).stream().map(Finding::text))
        .anySatisfy(text -> assertThat(text).contains(words));
    assertThat(p.lines()).hasSize(5);
  }
}
