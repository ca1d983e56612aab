package dev.canarybot.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canarybot.release.CanaryRelease;
import dev.canarybot.release.ReleaseTarget;
import dev.canarybot.service.port.FreezeStore;
import dev.canarybot.service.port.ResolvedTarget;
import dev.canarybot.service.port.TargetQuery;
import dev.canarybot.testing.MutableClock;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Change windows on the shared action path, with the injected clock. */
class ChangeWindowsServiceTest {
  static final ReleaseTarget TARGET = ReleaseServiceTest.TARGET;
  static final String OFFICE = "Mon-Fri 09:00-17:00 Asia/Shanghai; Sat 10:00-12:00 Asia/Shanghai";

  final InMemoryReleaseStore store = new InMemoryReleaseStore();
  final FakeTrafficRouter router = new FakeTrafficRouter();
  final MutableClock clock = new MutableClock();

  ReleaseService service(String windows, boolean blockStart) {
    CanaryConfig config = new TestConfig() {
      @Override public String windows() { return windows; }
      @Override public boolean windowsBlockStart() { return blockStart; }
    };
    RecordingEvents events = new RecordingEvents();
    var resolver = (dev.canarybot.service.port.TargetResolver) q -> new ResolvedTarget("api-vs", TARGET, router.read(TARGET));
    Reconciler reconciler = new Reconciler(router, resolver, new FakeWorkloads(), store, events, clock);
    return new ReleaseService(store, resolver, reconciler, events, (r, e, o) -> { }, r -> List.of(),
        ns -> true, dev.canarybot.testing.Preflights.passing(resolver, config), config, clock,
        new Policies(FreezeStore.NONE, config));
  }

  static StartRequest start() {
    return new StartRequest("<@U0OPERATOR>", new TargetQuery("default", "api-vs", null, null, null), null, true);
  }

  @Test
  void outsideTheWindowsPromotionWaitsForTheNextOpeningAndForceOverridesItOnTheRecord() {
    // Sat 2026-11-28 10:00Z = Sat 18:00 in Shanghai (+08): after Saturday's window
    clock.set(Instant.parse("2026-11-28T10:00:00Z"));
    ReleaseService service = service(OFFICE, false);
    // 10 % is the safe state: a start is allowed outside the windows
    assertThat(service.start(start())).isInstanceOf(ActionResult.Done.class);

    ActionResult refused = service.promote("default", "api-vs", "<@U0APPROVER>", 0, 10, null, false);
    // Mon 09:00 local = Mon 01:00Z, 39 h after Sat 10:00Z
    assertThat(((ActionResult.Refused) refused).reason()).isEqualTo("cannot promote api-vs now: "
        + "outside the change windows (" + OFFICE + "); next window opens Mon 09:00 Asia/Shanghai, "
        + "in 39 h. An approver may override with `/canary promote api-vs --force`");
    assertThat(store.get("api-vs").weight()).isEqualTo(10);

    // a day later, Sun 11:00Z = Sun 19:00 local: 14 h to go
    clock.set(Instant.parse("2026-11-29T11:00:00Z"));
    assertThat(((ActionResult.Refused) service.promote("default", "api-vs", "<@U0APPROVER>", 0, 10, null, false))
        .reason()).contains("next window opens Mon 09:00 Asia/Shanghai, in 14 h");

    ActionResult.Done forced = (ActionResult.Done) service.promote("default", "api-vs", "<@U0APPROVER>", 0, 10, null, true);
    assertThat(forced.entry().reason()).isEqualTo("promoted by override outside the change windows ("
        + OFFICE + "); next window opens Mon 09:00 Asia/Shanghai, in 14 h");
    assertThat(store.get("api-vs").weight()).isEqualTo(50);

    // rollback never waits for a window
    assertThat(service.rollback("default", "api-vs", "<@U0OPERATOR>", "5xx", -1)).isInstanceOf(ActionResult.Done.class);
  }

  @Test
  void aReleasesOwnWindowsRuleItsPromotionsOverTheSetting() {
    // Sat 2026-11-28 10:00Z: the setting allows any time, the release only Mon-Fri in Shanghai
    clock.set(Instant.parse("2026-11-28T10:00:00Z"));
    ReleaseService service = service("always", false);
    service.start(start());
    var stored = store.find("default", "api-vs").orElseThrow();
    CanaryRelease r = stored.release();
    store.update(stored, new CanaryRelease(r.name(), r.target(), r.plan(), r.autoRollback(), r.status(),
        r.thresholds(), r.checks(), r.capacity(), r.testers(), "Mon-Fri 09:00-17:00 Asia/Shanghai"));

    ActionResult refused = service.promote("default", "api-vs", "<@U0APPROVER>", 0, 10, null, false);
    assertThat(((ActionResult.Refused) refused).reason()).startsWith("cannot promote api-vs now: "
        + "outside the change windows (Mon-Fri 09:00-17:00 Asia/Shanghai); next window opens Mon 09:00");
    assertThat(store.get("api-vs").weight()).isEqualTo(10);
  }

  @Test
  void insideAWindowPromotionGoesOn() {
    // Mon 2026-11-30 02:00Z = Mon 10:00 in Shanghai
    clock.set(Instant.parse("2026-11-30T02:00:00Z"));
    ReleaseService service = service(OFFICE, false);
    service.start(start());
    assertThat(service.promote("default", "api-vs", "<@U0APPROVER>", 0, 10, null, false))
        .isInstanceOf(ActionResult.Done.class);
  }

  @Test
  void withBlockStartAStartOutsideTheWindowsIsRefused() {
    clock.set(Instant.parse("2026-11-28T10:00:00Z"));
    ActionResult r = service(OFFICE, true).start(start());
    assertThat(((ActionResult.Refused) r).reason()).isEqualTo("cannot start api-vs now: outside the "
        + "change windows (" + OFFICE + "); next window opens Mon 09:00 Asia/Shanghai, in 39 h "
        + "(setting CANARY_WINDOWS_BLOCK_START)");
    assertThat(store.find("default", "api-vs")).isEmpty();
  }
}
