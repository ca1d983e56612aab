package dev.canarybot.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canarybot.release.ReleaseTarget;
import dev.canarybot.service.port.ResolvedTarget;
import dev.canarybot.service.port.TargetQuery;
import dev.canarybot.service.port.TargetResolver;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** With CANARY_NAMESPACES set, the bot acts only there and says so about any other namespace. */
class NamespaceScopeTest {
  final InMemoryReleaseStore store = new InMemoryReleaseStore();
  final FakeTrafficRouter router = new FakeTrafficRouter();
  final Clock clock = Clock.fixed(Instant.parse("2026-11-28T10:00:00Z"), ZoneOffset.UTC);

  ReleaseService service(List<String> namespaces) {
    TargetResolver resolver = q -> new ResolvedTarget("api-vs", new ReleaseTarget(q.namespace(), "api-vs",
        "primary", "api-service." + q.namespace() + ".svc.cluster.local", "v1", "v2", "api-v1", "api-v2"),
        router.read(null));
    Reconciler reconciler = new Reconciler(router, resolver, new FakeWorkloads(), store, new RecordingEvents(), clock);
    return new ReleaseService(store, resolver, reconciler, new RecordingEvents(),
        (release, entry, outcome) -> { }, r -> List.of(), ns -> true,
        dev.canarybot.testing.Preflights.passing(resolver, scoped(namespaces)), scoped(namespaces), clock);
  }

  static StartRequest start(String namespace) {
    return new StartRequest("alice", new TargetQuery(namespace, "api-vs", null, null, null), null, true);
  }

  @Test
  void startingOutsideTheConfiguredNamespacesIsRefusedAndChangesNothing() {
    ActionResult r = service(List.of("default", "shop")).start(start("payments"));

    assertThat(r).isEqualTo(new ActionResult.Refused("canary-bot does not manage namespace payments; "
        + "it manages default, shop (setting CANARY_NAMESPACES)"));
    assertThat(store.listAll()).isEmpty();
    assertThat(router.weights.canary()).isZero();
  }

  @Test
  void everyActionOnAReleaseOutsideIsRefusedEvenWhenItExists() {
    // Started while the bot still managed payments; then the setting was narrowed.
    assertThat(service(List.of()).start(start("payments"))).isInstanceOf(ActionResult.Done.class);
    ReleaseService narrowed = service(List.of("default"));

    List<ActionResult> answers = List.of(
        narrowed.promote("payments", "api-vs", "bob", 0, 10, null, false),
        narrowed.rollback("payments", "api-vs", "bob", "why", -1),
        narrowed.pause("payments", "api-vs", "bob", "why"),
        narrowed.resume("payments", "api-vs", "bob"));

    assertThat(answers).allSatisfy(a -> assertThat(((ActionResult.Refused) a).reason())
        .startsWith("canary-bot does not manage namespace payments"));
    assertThat(store.find("payments", "api-vs").orElseThrow().release().status().history()).hasSize(1);
    assertThat(router.weights.canary()).isEqualTo(10);
  }

  @Test
  void aConfiguredNamespaceIsServedAndNoneConfiguredMeansAll() {
    assertThat(service(List.of("default", "shop")).start(start("shop"))).isInstanceOf(ActionResult.Done.class);
    assertThat(service(List.of()).namespaceRefusal("anything")).isEmpty();
    assertThat(service(List.of("default", "shop")).namespaceRefusal("default")).isEmpty();
  }

  /** The test defaults, in the given namespaces only. */
  static CanaryConfig scoped(List<String> namespaces) {
    return new TestConfig(namespaces);
  }
}
