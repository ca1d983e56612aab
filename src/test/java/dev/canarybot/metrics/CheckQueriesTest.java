package dev.canarybot.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canarybot.analysis.CheckReading;
import dev.canarybot.release.CanaryRelease;
import dev.canarybot.release.CheckSpec;
import dev.canarybot.release.CheckSpec.OnBreach;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class CheckQueriesTest {
  static final CheckSpec RATE = new CheckSpec("orders", "sum(rate(orders_total{ns=\"{{namespace}}\","
      + "v=\"{{version}}\",w=\"{{workload}}\"}[{{window}}]))", OptionalDouble.of(1), OptionalDouble.empty(),
      false, OnBreach.gate);
  /** The same text for every release: no per-release placeholder but the version. */
  static final CheckSpec GLOBAL = new CheckSpec("global", "sum(rate(x{v=\"{{version}}\"}[{{window}}]))",
      OptionalDouble.of(1), OptionalDouble.empty(), false, OnBreach.gate);

  static CanaryRelease with(CanaryRelease r, CheckSpec... checks) {
    return new CanaryRelease(r.name(), r.target(), r.plan(), r.autoRollback(), r.status(), Map.of(), List.of(checks));
  }

  @Test
  void eachSideIsRenderedWithItsOwnNamesAndEqualTextsAreAskedOnce() {
    CanaryRelease api = with(Releases.at(QueryTemplatesTest.API, 10), RATE, GLOBAL);
    CanaryRelease again = with(Releases.at(QueryTemplatesTest.API, 10), GLOBAL);
    CheckQueries q = new CheckQueries(List.of(api, again), Duration.ofMinutes(5), new SubsetVersions(Map.of()));

    String v = QueryTemplatesTest.API.canarySubset();
    assertThat(q.texts()).contains("sum(rate(orders_total{ns=\"" + QueryTemplatesTest.API.namespace() + "\",v=\""
        + v + "\",w=\"" + QueryTemplatesTest.API.canaryWorkload() + "\"}[300s]))");
    // orders: canary and stable; global: canary and stable, the second release adds nothing.
    assertThat(q.texts()).hasSize(4);
    assertThat(q.joined()).startsWith("label_replace((" + q.texts().get(0) + "), \"canarybot_check\", \"0\", \"\", \"\") or ")
        .endsWith("label_replace((" + q.texts().get(3) + "), \"canarybot_check\", \"3\", \"\", \"\")");
  }

  @Test
  void answersAreSplitByTagAndSeveralSeriesAreAProblem() {
    CanaryRelease api = with(Releases.at(QueryTemplatesTest.API, 10), GLOBAL);
    CheckQueries q = new CheckQueries(List.of(api), Duration.ofMinutes(5), new SubsetVersions(Map.of()));
    List<List<Sample>> split = q.split(List.of(
        new Sample(Map.of("canarybot_check", "0"), OptionalDouble.of(0.5)),
        new Sample(Map.of("canarybot_check", "1", "pod", "a"), OptionalDouble.of(1)),
        new Sample(Map.of("canarybot_check", "1", "pod", "b"), OptionalDouble.of(2)),
        new Sample(Map.of(), OptionalDouble.of(9))));
    Map<String, CheckQueries.Answer> answers = new HashMap<>();
    for (int i = 0; i < split.size(); i++) {
      answers.put(q.texts().get(i), new CheckQueries.Answer(split.get(i), null));
    }
    CheckReading r = q.readings(answers::get).get("default/" + api.name()).get(0);
    assertThat(r.problem()).isEqualTo("its query answered 2 series; a check must answer one (aggregate it, e.g. with sum)");
  }

  @Test
  void aVersionThatIsNoLabelValueNeverReachesPromQL() {
    CanaryRelease api = with(Releases.at(QueryTemplatesTest.API, 10), GLOBAL);
    CheckQueries q = new CheckQueries(List.of(api), Duration.ofMinutes(5),
        new SubsetVersions(Map.of(QueryTemplatesTest.API.canarySubset(), "v2\"} or vector(1) #")));
    assertThat(q.texts()).isEmpty();
    assertThat(q.joined()).isNull();
    assertThat(q.readings(t -> { throw new AssertionError(t); }).values().iterator().next().get(0).problem())
        .isEqualTo("version \"v2\"} or vector(1) #\" is not a label value");
  }
}
