package dev.canarybot.mesh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.canarybot.release.AddedRoute;
import dev.canarybot.release.ReleaseTarget;
import dev.canarybot.release.TestersMatch;
import dev.canarybot.service.port.AddedRouteDriftException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The testers' route on the shapes WeightChangeTest holds, added and removed as values. */
class TestersRouteTest {
  private static final MeshHosts HOSTS = new MeshHosts();
  private static final String FQDN = "api-service.default.svc.cluster.local";
  private static final TestersMatch ALWAYS = TestersMatch.parse("x-canary=always");
  private static final String NAME = "canary-bot-testers-api-vs";

  private static final String SPLIT = """
      apiVersion: networking.istio.io/v1beta1
      kind: VirtualService
      metadata: {name: api-vs, namespace: default, resourceVersion: "7"}
      spec:
        hosts: [api.example.com]
        gateways: [app-gateway]
        http:
        - name: primary
          match: [{uri: {prefix: /api/v1}}]
          route:
          - destination: {host: api-service, subset: v1, port: {number: 80}}
            weight: 90
          - destination: {host: api-service, subset: v2, port: {number: 80}}
            weight: 10
          timeout: 10s
          retries: {attempts: 3, perTryTimeout: 2s, retryOn: 5xx}
      """;

  private static final String SEVERAL = """
      metadata: {name: api-vs, namespace: default}
      spec:
        hosts: [api.example.com]
        http:
        - name: static
          match: [{uri: {prefix: /static}}]
          route:
          - destination: {host: static-service}
            weight: 100
        - name: primary
          match: [{uri: {prefix: /api}, name: api}, {headers: {x-region: {exact: eu}}}]
          route:
          - destination: {host: api-service, subset: v1}
            weight: 90
          - destination: {host: api-service, subset: v2}
            weight: 10
          headers: {request: {set: {x-via: canary-bot-test}}}
          fault: {delay: {fixedDelay: 1s, percentage: {value: 1}}}
          mirror: {host: shadow}
        - name: fallback
          route:
          - destination: {host: api-service, subset: v1}
      """;

  private static final String HEADER_FIRST = """
      metadata: {name: api-vs, namespace: default}
      spec:
        hosts: ["*.example.com"]
        http:
        - match: [{headers: {x-beta: {exact: "true"}}}]
          route:
          - destination: {host: api-service, subset: v2}
        - route:
          - destination: {host: api-service, subset: v1}
            weight: 100
      """;

  private static final String TCP_TLS = SPLIT + """
        tcp:
        - match: [{port: 9000}]
          route:
          - destination: {host: api-service, subset: v1}
            weight: 90
          - destination: {host: api-service, subset: v2}
            weight: 10
        tls:
        - match: [{port: 443, sniHosts: [api.example.com]}]
          route:
          - destination: {host: api-service, subset: v1}
      """;

  private static final String UNKNOWN = SPLIT.replace("    timeout: 10s", "    timeout: 10s\n    someFutureField: {a: [1, 2]}")
      + "  exportTo: [\".\"]\n";

  private static ObjectNode vs(String yaml) {
    try {
      return (ObjectNode) new YAMLMapper().readTree(yaml);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static ReleaseTarget target(String route) {
    return new ReleaseTarget("default", "api-vs", route, FQDN, "v1", "v2", "api-v1", "api-v2");
  }

  private static TestersRoute add(ObjectNode tree, String route) {
    return TestersRoute.decide(tree, target(route), "api-vs", ALWAYS, null, false, HOSTS);
  }

  private static JsonNode http(ObjectNode tree, int i) {
    return tree.path("spec").path("http").path(i);
  }

  /** shape, target route name, index of the weighted route before the change. */
  static Stream<Arguments> shapes() {
    return Stream.of(
        Arguments.of("split", SPLIT, "primary", 0),
        Arguments.of("several routes", SEVERAL, "primary", 1),
        Arguments.of("header match first", HEADER_FIRST, null, 1),
        Arguments.of("tcp and tls", TCP_TLS, null, 0),
        Arguments.of("unknown fields", UNKNOWN, "primary", 0));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("shapes")
  void addedDirectlyBeforeTheWeightedRouteAndEverythingElseStays(String shape, String yaml, String route,
      int weighted) {
    ObjectNode before = vs(yaml);
    TestersRoute change = add(before, route);
    ObjectNode after = change.after();

    assertThat(http(after, weighted).path("name").asText()).isEqualTo(NAME);
    assertThat(http(after, weighted + 1)).isEqualTo(http(before, weighted));
    ObjectNode without = after.deepCopy();
    ((com.fasterxml.jackson.databind.node.ArrayNode) without.path("spec").path("http")).remove(weighted);
    assertThat(without).isEqualTo(before);
    assertThat(change.route().name()).isEqualTo(NAME);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("shapes")
  void removalLeavesTheVirtualServiceExactlyAsBefore(String shape, String yaml, String route, int weighted) {
    ObjectNode before = vs(yaml);
    TestersRoute added = add(before, route);

    TestersRoute removed = TestersRoute.decide(added.after(), target(route), "api-vs", null, added.route(),
        false, HOSTS);

    assertThat(removed.route()).isNull();
    assertThat(removed.after()).isEqualTo(before);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("shapes")
  void addingTwiceIsNoChange(String shape, String yaml, String route, int weighted) {
    TestersRoute added = add(vs(yaml), route);

    TestersRoute again = TestersRoute.decide(added.after(), target(route), "api-vs", ALWAYS, added.route(),
        false, HOSTS);

    assertThat(again.isEmpty()).isTrue();
    assertThat(again.route()).isEqualTo(added.route());
  }

  @Test
  void eachMatchConditionGetsTheHeaderAndTheCanaryIsTheOnlyDestination() {
    ObjectNode after = add(vs(SEVERAL), "primary").after();
    JsonNode testers = http(after, 1);

    assertThat(testers).isEqualTo(vs("""
        name: canary-bot-testers-api-vs
        match:
        - {uri: {prefix: /api}, headers: {x-canary: {exact: always}}}
        - {headers: {x-region: {exact: eu}, x-canary: {exact: always}}}
        route:
        - destination: {host: api-service, subset: v2}
        headers: {request: {set: {x-via: canary-bot-test}}}
        """));
  }

  @Test
  void keepsTimeoutRetriesAndTheCanaryDestinationAsSpelled() {
    JsonNode testers = http(add(vs(SPLIT), "primary").after(), 0);

    assertThat(testers).isEqualTo(vs("""
        name: canary-bot-testers-api-vs
        match: [{uri: {prefix: /api/v1}, headers: {x-canary: {exact: always}}}]
        route:
        - destination: {host: api-service, subset: v2, port: {number: 80}}
        timeout: 10s
        retries: {attempts: 3, perTryTimeout: 2s, retryOn: 5xx}
        """));
  }

  @Test
  void aRouteWithoutMatchOrCanaryGetsTheHeaderAloneAndTheStablesHostSpelling() {
    JsonNode testers = http(add(vs(HEADER_FIRST), null).after(), 1);

    assertThat(testers.path("match")).isEqualTo(vs("{m: [{headers: {x-canary: {exact: always}}}]}").path("m"));
    assertThat(testers.path("route")).isEqualTo(vs("{r: [{destination: {host: api-service, subset: v2}}]}").path("r"));
  }

  @Test
  void aRegexBecomesAnIstioRegexMatch() {
    ObjectNode after = TestersRoute.decide(vs(SPLIT), target("primary"), "api-vs",
        TestersMatch.parse("x-user~^(alice|bob)$"), null, false, HOSTS).after();

    assertThat(http(after, 0).at("/match/0/headers/x-user/regex").asText()).isEqualTo("^(alice|bob)$");
  }

  @Test
  void theAddressIsTheFirstNamedHostAndTheRoutesPath() {
    assertThat(add(vs(SPLIT), "primary").route().address()).isEqualTo("api.example.com/api/v1");
    assertThat(add(vs(HEADER_FIRST), null).route().address()).isEqualTo("api-service/");
  }

  @Test
  void anotherHeaderReplacesTheRouteInPlace() {
    TestersRoute added = add(vs(SEVERAL), "primary");
    TestersRoute changed = TestersRoute.decide(added.after(), target("primary"), "api-vs",
        TestersMatch.parse("x-canary=yes"), added.route(), false, HOSTS);

    assertThat(changed.after().path("spec").path("http").size()).isEqualTo(4);
    assertThat(http(changed.after(), 1).at("/match/0/headers/x-canary/exact").asText()).isEqualTo("yes");
    assertThat(changed.route().digest()).isNotEqualTo(added.route().digest());
  }

  @Test
  void theWeightedRouteIsStillFoundWithTheTestersRouteBeforeIt() {
    ObjectNode after = add(vs(HEADER_FIRST), null).after();

    WeightChange change = WeightChange.of(after, target(null), 0, 10, HOSTS);

    assertThat(change.routeIndex()).isEqualTo(2);
  }

  @Test
  void aHandEditedRouteIsDrift() {
    TestersRoute added = add(vs(SPLIT), "primary");
    ObjectNode edited = added.after().deepCopy();
    ((ObjectNode) edited.at("/spec/http/0/match/0/headers/x-canary")).put("exact", "sometimes");

    assertThatThrownBy(() -> TestersRoute.decide(edited, target("primary"), "api-vs", ALWAYS, added.route(),
        false, HOSTS))
        .isInstanceOf(AddedRouteDriftException.class)
        .hasMessageContaining(NAME + " was changed outside canary-bot");
    assertThatThrownBy(() -> TestersRoute.decide(edited, target("primary"), "api-vs", null, added.route(),
        false, HOSTS))
        .isInstanceOf(AddedRouteDriftException.class);
  }

  @Test
  void takingBackRemovesTheEditedRouteItListed() {
    ObjectNode before = vs(SPLIT);
    TestersRoute added = add(before, "primary");
    ObjectNode edited = added.after().deepCopy();
    ((ObjectNode) edited.at("/spec/http/0")).put("timeout", "1s");

    TestersRoute removed = TestersRoute.decide(edited, target("primary"), "api-vs", null, added.route(),
        true, HOSTS);

    assertThat(removed.after()).isEqualTo(before);
  }

  @Test
  void aRouteMovedAwayFromItsPlaceIsDrift() {
    TestersRoute added = add(vs(SEVERAL), "primary");
    ObjectNode moved = added.after().deepCopy();
    com.fasterxml.jackson.databind.node.ArrayNode http =
        (com.fasterxml.jackson.databind.node.ArrayNode) moved.path("spec").path("http");
    http.add(http.remove(1));

    assertThatThrownBy(() -> TestersRoute.decide(moved, target("primary"), "api-vs", ALWAYS, added.route(),
        false, HOSTS))
        .isInstanceOf(AddedRouteDriftException.class)
        .hasMessageContaining("moved away");
  }

  @Test
  void aRouteOfThatNameTheBotNeverListedIsNeitherReplacedNorRemoved() {
    ObjectNode byHand = add(vs(SPLIT), "primary").after();

    assertThatThrownBy(() -> TestersRoute.decide(byHand, target("primary"), "api-vs", null, null, true, HOSTS))
        .isInstanceOf(AddedRouteDriftException.class)
        .hasMessageContaining("put there by someone else");
  }

  @Test
  void aRemovedRouteTheBotListedIsDrift() {
    TestersRoute added = add(vs(SPLIT), "primary");

    assertThatThrownBy(() -> TestersRoute.decide(vs(SPLIT), target("primary"), "api-vs", ALWAYS, added.route(),
        false, HOSTS))
        .isInstanceOf(AddedRouteDriftException.class)
        .hasMessageContaining("removed");
  }

  @Test
  void otherRoutesNamedByTheBotForOtherReleasesAreNeverTouched() {
    TestersRoute other = TestersRoute.decide(vs(SPLIT), target("primary"), "web-vs", ALWAYS, null, false, HOSTS);
    TestersRoute mine = TestersRoute.decide(other.after(), target("primary"), "api-vs", ALWAYS, null, false, HOSTS);

    TestersRoute removed = TestersRoute.decide(mine.after(), target("primary"), "api-vs", null, mine.route(),
        false, HOSTS);

    assertThat(removed.after()).isEqualTo(other.after());
  }

  @Test
  void aHeaderTheWeightedRouteMatchesAlreadyIsRefused() {
    assertThatThrownBy(() -> TestersRoute.decide(vs(SEVERAL), target("primary"), "api-vs",
        TestersMatch.parse("x-region=us"), null, false, HOSTS))
        .isInstanceOf(AddedRouteDriftException.class)
        .hasMessageContaining("matches on the header x-region already");
  }

  @Test
  void nothingThereAndNothingWantedIsNoChange() {
    TestersRoute change = TestersRoute.decide(vs(SPLIT), target("primary"), "api-vs", null, null, false, HOSTS);
    assertThat(change.isEmpty()).isTrue();
    assertThat(change.route()).isNull();
  }

  @Test
  void theDigestIgnoresKeyOrder() {
    assertThat(TestersRoute.digest(vs("{a: 1, b: {c: x, d: [1, 2]}}")))
        .isEqualTo(TestersRoute.digest(vs("{b: {d: [1, 2], c: x}, a: 1}")))
        .isNotEqualTo(TestersRoute.digest(vs("{b: {d: [2, 1], c: x}, a: 1}")));
    assertThat(AddedRoute.testersName("api-vs")).isEqualTo(NAME);
  }
}
