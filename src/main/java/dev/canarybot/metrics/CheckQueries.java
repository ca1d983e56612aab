package dev.canarybot.metrics;

import dev.canarybot.analysis.CheckReading;
import dev.canarybot.release.CanaryRelease;
import dev.canarybot.release.CheckSpec;
import dev.canarybot.release.Names;
import dev.canarybot.release.ReleaseTarget;
import dev.canarybot.service.port.MetricsSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The custom checks of one tick as one PromQL query. Each check is rendered for canary and
 * stable with its own placeholders, equal texts (the same check on the same version, whatever
 * the release) are sent once, and the distinct texts are joined with {@code or}, each tagged by
 * {@link #TAG} through {@code label_replace}. Tagging rather than substituting a version regex
 * keeps every query exactly as its author wrote it: a regex in {@code version="{{version}}"} or
 * a query without {@code by (version)} would otherwise be silently wrong. Pure: no I/O.
 */
final class CheckQueries {
  /** The label that tells the joined answers apart. */
  static final String TAG = "canarybot_check";
  /** Istio's version label value: a Kubernetes label value. */
  private static final Pattern LABEL_VALUE = Pattern.compile("[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?");

  /** What one release's check needs from the answers: the texts of its two sides, or why it cannot run. */
  record Planned(CheckSpec spec, String canaryQuery, String stableQuery, String problem) {}

  private final Map<String, List<Planned>> planned = new LinkedHashMap<>();
  private final List<String> texts = new ArrayList<>();

  CheckQueries(List<CanaryRelease> releases, Duration window, SubsetVersions versions) {
    for (CanaryRelease r : releases) {
      List<Planned> plans = new ArrayList<>();
      for (CheckSpec spec : r.checks()) {
        plans.add(plan(spec, r.target(), window, versions));
      }
      planned.put(MetricsSource.key(r), plans);
    }
  }

  private Planned plan(CheckSpec spec, ReleaseTarget t, Duration window, SubsetVersions versions) {
    String problem = spec.problem();
    if (problem != null) {
      return new Planned(spec, null, null, problem);
    }
    String canaryVersion = versions.of(t.canarySubset());
    String stableVersion = versions.of(t.stableSubset());
    // Names come from the cluster; a quote in one must not reach the query at all.
    for (String v : List.of(canaryVersion, stableVersion)) {
      if (!LABEL_VALUE.matcher(v).matches()) {
        return new Planned(spec, null, null, "version \"" + (v.length() > 63 ? v.substring(0, 63) + "…" : v) + "\" is not a label value");
      }
    }
    if (!Names.isLabel(t.namespace()) || !Names.isSubdomain(t.host())
        || !Names.isSubdomain(t.canaryWorkload()) || !Names.isSubdomain(t.stableWorkload())) {
      return new Planned(spec, null, null, "the release's target has a name that is not a Kubernetes name");
    }
    String canary = spec.render(values(t, canaryVersion, t.canaryWorkload(), window));
    String stable = spec.render(values(t, stableVersion, t.stableWorkload(), window));
    add(canary);
    add(stable);
    return new Planned(spec, canary, stable, null);
  }

  private static java.util.function.UnaryOperator<String> values(ReleaseTarget t, String version, String workload,
      Duration window) {
    Map<String, String> v = Map.of("namespace", t.namespace(), "service", t.host(), "version", version,
        "workload", workload, "window", QueryTemplates.window(window));
    return name -> PromRegex.string(v.get(name));
  }

  private void add(String text) {
    if (!texts.contains(text)) {
      texts.add(text);
    }
  }

  /** The distinct check queries of this tick, each alone. */
  List<String> texts() {
    return List.copyOf(texts);
  }

  /** All of them as one query, or null when there is nothing to ask. */
  String joined() {
    if (texts.isEmpty()) {
      return null;
    }
    List<String> parts = new ArrayList<>();
    for (int i = 0; i < texts.size(); i++) {
      parts.add("label_replace((" + texts.get(i) + "), \"" + TAG + "\", \"" + i + "\", \"\", \"\")");
    }
    return String.join(" or ", parts);
  }

  /** The joined answer, split back to one answer per text. */
  List<List<Sample>> split(List<Sample> joined) {
    List<List<Sample>> out = new ArrayList<>();
    for (int i = 0; i < texts.size(); i++) {
      out.add(new ArrayList<>());
    }
    for (Sample s : joined) {
      try {
        int i = Integer.parseInt(s.label(TAG));
        if (i >= 0 && i < out.size()) {
          out.get(i).add(s);
        }
      } catch (NumberFormatException e) {
        // not one of ours: a series the join cannot have produced is ignored
      }
    }
    return out;
  }

  /**
   * Readings per release key.
   *
   * @param answers per text of {@link #texts()}: the samples, or the failure's message
   */
  Map<String, List<CheckReading>> readings(Function<String, Answer> answers) {
    Map<String, List<CheckReading>> out = new LinkedHashMap<>();
    for (Map.Entry<String, List<Planned>> e : planned.entrySet()) {
      List<CheckReading> readings = new ArrayList<>();
      for (Planned p : e.getValue()) {
        readings.add(reading(p, answers));
      }
      out.put(e.getKey(), readings);
    }
    return out;
  }

  private static CheckReading reading(Planned p, Function<String, Answer> answers) {
    if (p.problem() != null) {
      return CheckReading.invalid(p.spec(), p.problem());
    }
    Answer canary = answers.apply(p.canaryQuery());
    Answer stable = answers.apply(p.stableQuery());
    for (Answer a : List.of(canary, stable)) {
      if (a.failure() != null) {
        return CheckReading.invalid(p.spec(), a.failure());
      }
      if (a.samples().size() > 1) {
        return CheckReading.invalid(p.spec(), "its query answered " + a.samples().size()
            + " series; a check must answer one (aggregate it, e.g. with sum)");
      }
    }
    return new CheckReading(p.spec(), canary.value(), stable.value(), null);
  }

  /** One text's answer: its samples, or why Prometheus refused it. */
  record Answer(List<Sample> samples, String failure) {
    OptionalDouble value() {
      return samples.isEmpty() ? OptionalDouble.empty() : samples.get(0).value();
    }
  }
}
