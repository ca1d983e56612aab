package dev.canarybot.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canarybot.analysis.MetricSnapshot;
import dev.canarybot.analysis.Statistics;
import dev.canarybot.analysis.Thresholds;
import dev.canarybot.analysis.Verdict;
import dev.canarybot.demo.traffic.MetricsExporter;
import dev.canarybot.demo.traffic.SimulatedService;
import dev.canarybot.demo.traffic.TrafficSimulator;
import dev.canarybot.demo.traffic.VersionProfile;
import dev.canarybot.metrics.PrometheusClient;
import dev.canarybot.metrics.PrometheusMetricsSource;
import dev.canarybot.metrics.QueryTemplates;
import dev.canarybot.release.CanaryRelease;
import dev.canarybot.release.Phase;
import dev.canarybot.release.ReleasePlan;
import dev.canarybot.release.ReleaseStatus;
import dev.canarybot.release.ReleaseTarget;
import dev.canarybot.service.CanaryConfig;
import dev.canarybot.service.ReleaseAnalyzer;
import dev.canarybot.service.TestConfig;
import dev.canarybot.service.port.Analysis;
import dev.canarybot.service.port.MetricsSource;
import dev.canarybot.testing.PrometheusServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Time from a sudden fault to the rollback decision at the production defaults: five releases
 * at 10 % of 2,000 rps on one real Prometheus (15 s scrapes), healthy for more than the 5 m
 * window, then each canary turned to 5 % errors at a different phase of the 30 s analysis tick.
 * The real {@link ReleaseAnalyzer} (step-clipped window, {@link PrometheusMetricsSource}, the
 * default {@link Thresholds}) judges them every 30 s. A Breach verdict is the rollback decision:
 * AnalysisJob rolls back in the tick that sees it (AnalysisJobTest). Not a unit test (its name
 * keeps it out of {@code mvn verify}); run it with {@code bench/time-to-detect.sh}.
 */
class TimeToDetectBench {
  static final int RELEASES = 5;
  static final double RPS = 2000;
  static final int WEIGHT = 10;
  static final double FAULT_ERROR_RATE = 0.05;
  static final Duration SCRAPE = Duration.ofSeconds(15);
  static final Duration INTERVAL = Duration.ofSeconds(30);
  static final Duration WINDOW = Duration.ofMinutes(5);
  /** Past the window plus one scrape, so the first fault meets a window full of healthy traffic. */
  static final Duration FIRST_FAULT = Duration.ofSeconds(345);
  /** Faults 6 s apart fall at five phases of the 30 s tick and of the 15 s scrape. */
  static final Duration STAGGER = Duration.ofSeconds(6);
  static final Duration GIVE_UP = Duration.ofMinutes(5);

  /** The production analysis settings (CanaryConfig's defaults); TestConfig turns the interval off. */
  static final class Defaults extends TestConfig {
    @Override
    public CanaryConfig.Analysis analysis() {
      return new CanaryConfig.Analysis() {
        public String interval() { return "30s"; }
        public Duration window() { return WINDOW; }
        public Duration scrapeInterval() { return SCRAPE; }
        public int unavailableTicks() { return 3; }
        public boolean gates() { return true; }
        public Duration recentWindow() { return Duration.ofMinutes(1); }
      };
    }
  }

  /** One release's fault and what the ticks said about it. */
  static final class Fault {
    final CanaryRelease release;
    final SimulatedService service;
    volatile Instant onset;
    volatile Instant firstWatch;
    volatile Instant breach;
    volatile String lastLine;

    Fault(CanaryRelease release, SimulatedService service) {
      this.release = release;
      this.service = service;
    }
  }

  @Test
  void suddenBreachRollsBack() throws Exception {
    TrafficSimulator sim = new TrafficSimulator(12);
    List<Fault> faults = new ArrayList<>();
    ScheduledExecutorService traffic = Executors.newSingleThreadScheduledExecutor();
    ScheduledExecutorService analysis = Executors.newSingleThreadScheduledExecutor();
    traffic.scheduleAtFixedRate(() -> sim.tick(Duration.ofMillis(100)), 0, 100, TimeUnit.MILLISECONDS);
    List<String> log = new CopyOnWriteArrayList<>();
    Map<String, Integer> alarmsBeforeFault = new ConcurrentHashMap<>();
    try (MetricsExporter exporter = MetricsExporter.start(sim);
        PrometheusServer prometheus = PrometheusServer.start(List.of(exporter.target()), SCRAPE)) {
      Instant stepStart = Instant.now();
      for (int i = 0; i < RELEASES; i++) {
        String name = "svc-" + i;
        ReleaseTarget t = new ReleaseTarget("bench", name + "-vs", "primary", name + ".bench.svc.cluster.local",
            "v1", "v2", name + "-v1", name + "-v2");
        SimulatedService s = sim.add(new SimulatedService(t.host(), "v1", "v2", () -> WEIGHT, RPS));
        // The step began when the traffic did: the window fills with healthy traffic as in production.
        CanaryRelease r = new CanaryRelease(t.virtualService(), t, new ReleasePlan(List.of(10, 50, 100),
            Duration.ofHours(24)), true, new ReleaseStatus(Phase.Progressing, 0, WEIGHT, stepStart, WEIGHT, false,
            null, null, List.of()));
        faults.add(new Fault(r, s));
      }
      PrometheusMetricsSource source = new PrometheusMetricsSource(
          Optional.of(PrometheusClient.of(prometheus.url(), Duration.ofSeconds(10))), QueryTemplates.defaults(),
          Map.of(), (ns, d, since) -> null, new SimpleMeterRegistry(), Clock.systemUTC());
      ReleaseAnalyzer analyzer = new ReleaseAnalyzer(source, new Defaults(), Clock.systemUTC());
      List<CanaryRelease> releases = faults.stream().map(f -> f.release).toList();

      for (int i = 0; i < RELEASES; i++) {
        Fault f = faults.get(i);
        long at = FIRST_FAULT.plus(STAGGER.multipliedBy(i)).toMillis();
        analysis.schedule(() -> {
          f.service.profile("v2", VersionProfile.healthy().withErrorRate(FAULT_ERROR_RATE));
          f.onset = Instant.now();
          log.add(String.format(Locale.ROOT, "%s fault at %s (step +%ds)", f.release.name(), f.onset,
              Duration.between(stepStart, f.onset).toSeconds()));
        }, at, TimeUnit.MILLISECONDS);
      }
      analysis.scheduleAtFixedRate(() -> tick(analyzer, releases, faults, stepStart, log, alarmsBeforeFault),
          INTERVAL.toMillis(), INTERVAL.toMillis(), TimeUnit.MILLISECONDS);

      Instant deadline = stepStart.plus(FIRST_FAULT).plus(STAGGER.multipliedBy(RELEASES)).plus(GIVE_UP);
      while (Instant.now().isBefore(deadline) && faults.stream().anyMatch(f -> f.breach == null)) {
        Thread.sleep(1000); // a bench waits on real time: the window must fill with real scrapes
      }
      analysis.shutdownNow();
      analysis.awaitTermination(30, TimeUnit.SECONDS);
      String report = report(faults, log, alarmsBeforeFault);
      Path out = Path.of("bench", "results", "time-to-detect.txt");
      Files.createDirectories(out.getParent());
      Files.writeString(out, report);
      System.out.println(report);
      assertThat(faults).allMatch(f -> f.breach != null);
    } finally {
      analysis.shutdownNow();
      traffic.shutdownNow();
    }
  }

  /** One analysis tick of all five, logged per release from the tick before its fault on. */
  private static void tick(ReleaseAnalyzer analyzer, List<CanaryRelease> releases, List<Fault> faults,
      Instant stepStart, List<String> log, Map<String, Integer> alarmsBeforeFault) {
    try {
      Map<String, Analysis> results = analyzer.analyze(releases);
      Instant decided = Instant.now();
      for (Fault f : faults) {
        Analysis a = results.get(MetricsSource.key(f.release));
        Verdict v = a.verdict();
        boolean alarm = v.kind().compareTo(Verdict.Kind.Watch) >= 0;
        String line = line(f, a, decided, stepStart);
        if (f.onset == null) {
          if (alarm) {
            alarmsBeforeFault.merge(f.release.name(), 1, Integer::sum);
            log.add(line);
          }
          f.lastLine = line;
          continue;
        }
        if (f.breach != null) {
          continue;
        }
        if (f.lastLine != null) {
          log.add(f.lastLine); // the last tick before the fault, for the baseline
          f.lastLine = null;
        }
        log.add(line);
        if (alarm && f.firstWatch == null) {
          f.firstWatch = decided;
        }
        if (v.kind() == Verdict.Kind.Breach) {
          f.breach = decided;
        }
      }
    } catch (RuntimeException e) {
      log.add("tick failed: " + e);
    }
  }

  private static String line(Fault f, Analysis a, Instant decided, Instant stepStart) {
    MetricSnapshot s = a.snapshot();
    Thresholds t = Thresholds.DEFAULT;
    double n = s.canary().requests().orElse(0);
    double k = s.canary().errors().orElse(0);
    double sn = s.stable().requests().orElse(0);
    double sk = s.stable().errors().orElse(0);
    double lower = n > 0 ? Statistics.lowerBound(k, n, t.enoughDataConfidence()) : 0;
    double worse = n > 0 && sn > 0 ? Statistics.canaryWorse(k, n, sk, sn).confidence() : 0;
    String since = f.onset == null ? "before fault" : "fault +" + secondsText(Duration.between(f.onset, decided));
    Verdict v = a.verdict();
    return String.format(Locale.ROOT,
        "%s tick step +%ds (%s): window %ds; v2 %.0f errors / %.0f req = %.3f %%, 95 %% lower bound %.3f %% "
            + "(watch > %.1f %%, rollback > %.1f %%); v1 %.0f / %.0f; worse-than-stable confidence %.4f; %s; %s",
        f.release.name(), Duration.between(stepStart, decided).toSeconds(), since, s.window().toSeconds(),
        k, n, 100 * (n > 0 ? k / n : 0), 100 * lower, 100 * t.watchErrorRate(), 100 * t.rollbackErrorRate(),
        sk, sn, worse, v.kind(), v.reasons().isEmpty() ? "-" : String.join(" | ", v.reasons().subList(0,
            Math.min(2, v.reasons().size()))));
  }

  private static String report(List<Fault> faults, List<String> log, Map<String, Integer> alarmsBeforeFault)
      throws Exception {
    List<Long> toBreach = new ArrayList<>();
    List<Long> toWatch = new ArrayList<>();
    for (Fault f : faults) {
      toBreach.add(f.onset == null || f.breach == null ? -1 : Duration.between(f.onset, f.breach).toSeconds());
      toWatch.add(f.onset == null || f.firstWatch == null ? -1 : Duration.between(f.onset, f.firstWatch).toSeconds());
    }
    boolean all = !toBreach.contains(-1L);
    long median = sorted(toBreach).get(RELEASES / 2);
    long within = toBreach.stream().filter(s -> s >= 0 && s <= 2 * INTERVAL.toSeconds()).count();
    StringBuilder out = new StringBuilder()
        .append("time to detect: ").append(RELEASES).append(" faults, v2 ").append(pct(FAULT_ERROR_RATE))
        .append(" errors at ").append(WEIGHT).append("% of ").append((long) RPS).append(" rps, interval ")
        .append(INTERVAL.toSeconds()).append("s, window ").append(WINDOW.toMinutes()).append("m, scrape ")
        .append(SCRAPE.toSeconds()).append("s; default Thresholds (rollback when the 95 % lower bound of the 5xx rate "
            + "> 1 %, or v2 worse than v1 at 99 % with its rate > 1 %)\n")
        .append("healthy before the faults: step begun ").append(FIRST_FAULT.toSeconds())
        .append(" s before the first fault (window full of healthy traffic); faults ").append(STAGGER.toSeconds())
        .append(" s apart\n")
        .append("fault to rollback (s): ").append(stats(toBreach)).append("; in order: ").append(toBreach)
        .append(all ? "" : " (-1: no Breach within " + GIVE_UP.toMinutes() + " m)").append("\n")
        .append("fault to first watch (s): ").append(stats(toWatch)).append("; in order: ").append(toWatch)
        .append(" (first tick whose verdict is Watch or Breach)\n")
        .append("goal: rollback within 60 s (two analysis intervals): ")
        .append(all && median <= 2 * INTERVAL.toSeconds() ? "met" : "NOT met").append(" (median ").append(median)
        .append(" s; ").append(within).append(" of ").append(RELEASES).append(" within 60 s)\n")
        .append("rollback = the tick's Breach verdict: AnalysisJob rolls back in the tick that sees it "
            + "(AnalysisJobTest.aBreachRollsBackInTheTickThatSeesItAndTheAlertSaysSo); times are fault onset to "
            + "the end of that tick's analysis\n")
        .append("Watch or Breach before any fault: ").append(alarmsBeforeFault.isEmpty() ? "none" : alarmsBeforeFault)
        .append("\n")
        .append("machine: ").append(Runtime.getRuntime().availableProcessors()).append(" cpus, java ")
        .append(System.getProperty("java.version")).append(", Debian Prometheus ").append(version())
        .append(" on 127.0.0.1\n")
        .append("\nper tick, each release from its last healthy tick to its Breach:\n");
    log.forEach(l -> out.append(l).append('\n'));
    return out.toString();
  }

  private static String stats(List<Long> values) {
    List<Long> s = sorted(values);
    return "min " + s.get(0) + ", median " + s.get(s.size() / 2) + ", max " + s.get(s.size() - 1);
  }

  private static List<Long> sorted(List<Long> values) {
    List<Long> s = new ArrayList<>(values);
    Collections.sort(s);
    return s;
  }

  private static String pct(double fraction) {
    return String.format(Locale.ROOT, "%.0f%%", 100 * fraction);
  }

  private static String secondsText(Duration d) {
    return String.format(Locale.ROOT, "%.1fs", d.toMillis() / 1000.0);
  }

  private static String version() throws Exception {
    Process p = new ProcessBuilder(PrometheusServer.BINARY.toString(), "--version").redirectErrorStream(true).start();
    String first = new String(p.getInputStream().readAllBytes()).lines().findFirst().orElse("?");
    p.waitFor();
    return first.replace("prometheus, version ", "");
  }
}
