package dev.canarybot.slack.view;

import static dev.canarybot.analysis.ChartFixtures.at;
import static dev.canarybot.analysis.ChartFixtures.paused;
import static dev.canarybot.analysis.ChartFixtures.promoted;
import static dev.canarybot.analysis.ChartFixtures.resumed;
import static dev.canarybot.analysis.ChartFixtures.started;
import static org.assertj.core.api.Assertions.assertThat;

import dev.canarybot.analysis.ChartFixtures;
import dev.canarybot.analysis.ChartModel;
import dev.canarybot.analysis.ChartSpan;
import dev.canarybot.analysis.MetricHistory;
import dev.canarybot.analysis.Thresholds;
import dev.canarybot.release.CanaryRelease;
import java.awt.Color;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The PNG is read back and looked at: each kind of line is found by its colour where the model
 * puts it. A release started at 10:00, promoted to 50 % at 10:35, paused 10:50, resumed 10:53,
 * charted at 11:20; the canary's 5xx climbs to 0.6 % and its P95 to 420 ms after 11:05.
 */
class SummaryChartTest {
  static final Instant NOW = at(80);
  static ChartModel model;
  static SummaryChart.Drawn drawn;
  static BufferedImage image;

  @BeforeAll
  static void draw() throws Exception {
    CanaryRelease r = resumed(paused(promoted(started(at(0)), at(35)), at(50)), at(53));
    ChartSpan span = ChartSpan.of(r, NOW);
    model = ChartModel.of(r, history(span), Thresholds.DEFAULT, span);
    drawn = SummaryChart.draw(model);
    image = ImageIO.read(new ByteArrayInputStream(drawn.png()));
    Files.createDirectories(Path.of("target"));
    Files.write(Path.of("target", "summary-chart.png"), drawn.png());
  }

  /** Noisy but seeded: the same picture every run. */
  static MetricHistory history(ChartSpan span) {
    Random noise = new Random(7);
    List<MetricHistory.Point> v1e = new ArrayList<>();
    List<MetricHistory.Point> v2e = new ArrayList<>();
    List<MetricHistory.Point> v1l = new ArrayList<>();
    List<MetricHistory.Point> v2l = new ArrayList<>();
    for (Instant t = span.from(); !t.isAfter(span.to()); t = t.plus(span.step())) {
      boolean worse = t.isAfter(at(65));
      v1e.add(new MetricHistory.Point(t, 0.0003 + 0.0002 * noise.nextDouble()));
      v2e.add(new MetricHistory.Point(t, (worse ? 0.005 : 0.0004) + 0.001 * noise.nextDouble()));
      v1l.add(new MetricHistory.Point(t, 170 + 20 * noise.nextDouble()));
      v2l.add(new MetricHistory.Point(t, (worse ? 400 : 190) + 20 * noise.nextDouble()));
    }
    return new MetricHistory(Map.of("v1", v1e, "v2", v2e), Map.of("v1", v1l, "v2", v2l));
  }

  @Test
  void isAPngWithThreePanelsStackedOnOneTimeAxis() {
    assertThat(image.getWidth()).isEqualTo(SummaryChart.WIDTH);
    assertThat(drawn.panels()).hasSize(3);
    Rectangle2D errors = drawn.panels().get(0);
    Rectangle2D p95 = drawn.panels().get(1);
    Rectangle2D weight = drawn.panels().get(2);
    assertThat(errors.getMaxY()).isLessThan(p95.getMinY());
    assertThat(p95.getMaxY()).isLessThan(weight.getMinY());
    assertThat(errors.getMinX()).isEqualTo(weight.getMinX());
  }

  @Test
  void bothVersionsAreDrawnInTheirColoursInBothMetricPanels() {
    for (int panel = 0; panel < 2; panel++) {
      Rectangle2D area = drawn.panels().get(panel);
      assertThat(count(SummaryChart.STABLE, area)).as("stable in panel %d", panel).isGreaterThan(300);
      assertThat(count(SummaryChart.CANARY, area)).as("canary in panel %d", panel).isGreaterThan(300);
    }
  }

  @Test
  void theRollbackAndGateLevelsAreDrawnAtTheirHeights() {
    Rectangle2D errors = drawn.panels().get(0);
    // 5xx axis 0..1.1 % (the 1 % rollback line is the highest thing, plus 10 %):
    // rollback 1 % sits 1/1.1 of the way up, the 0.1 % gate 0.1/1.1 of the way up.
    assertThat(rowCount(SummaryChart.ROLLBACK, errors, 1.0 / 1.1)).isGreaterThan(300);
    assertThat(rowCount(SummaryChart.GATE, errors, 0.1 / 1.1)).isGreaterThan(150);
    // Nowhere else: half way up (0.55 %) there is no red line.
    assertThat(rowCount(SummaryChart.ROLLBACK, errors, 0.5)).isLessThan(10);

    Rectangle2D p95 = drawn.panels().get(1);
    // P95 axis 0..2,200 ms (no point crossed the 2,000 ms gate, so the 5,000 ms rollback level is
    // named at the top, not drawn): the gate sits 2/2.2 of the way up.
    assertThat(rowCount(SummaryChart.GATE, p95, 2000 / 2200.0)).isGreaterThan(300);
    assertThat(rowCount(SummaryChart.ROLLBACK, p95, 2000 / 2200.0)).isLessThan(10);
  }

  @Test
  void eachTransitionIsAVerticalLineThroughEveryPanelAtItsTime() {
    // The span is 10:00-11:20 (80 min): the promotion at 10:35 is 35/80 of the way across, the
    // pause at 10:50 50/80, the resume at 10:53 53/80.
    for (Rectangle2D area : drawn.panels()) {
      for (int minute : new int[] {35, 50, 53}) {
        assertThat(columnCount(SummaryChart.TRANSITION, area, minute / 80.0)).as("10:%d", minute)
            .isGreaterThan((int) (area.getHeight() * 0.6));
      }
      assertThat(columnCount(SummaryChart.TRANSITION, area, 20 / 80.0)).isLessThan(5);
    }
    assertThat(model.markers()).hasSize(3);
  }

  @Test
  void theCanarysClimbIsDrawnWhereItHappenedAndStableStaysLow() {
    Rectangle2D p95 = drawn.panels().get(1);
    // P95 axis 0..2,200 ms: the canary's 400-420 ms after 11:05 (65/80 across) sits about
    // 410/2200 = 0.19 of the way up; before 10:55 (55/80) it was 190-210 ms, about 0.09.
    assertThat(bandCount(SummaryChart.CANARY, p95, 410 / 2200.0, 70 / 80.0, 1.0)).isGreaterThan(100);
    assertThat(bandCount(SummaryChart.CANARY, p95, 410 / 2200.0, 0.0, 55 / 80.0)).isLessThan(10);
    // Stable's 170-190 ms (about 0.08) is never up at 0.19.
    assertThat(bandCount(SummaryChart.STABLE, p95, 410 / 2200.0, 0.0, 1.0)).isLessThan(10);
  }

  @Test
  void theWeightPanelShowsTheCanarysStepsFromTenToFifty() {
    Rectangle2D weight = drawn.panels().get(2);
    // Axis 0..110 %: 10 % sits 1/11 of the way up before 10:35, 50 % at 5/11 after it.
    assertThat(rowCount(SummaryChart.CANARY, weight, 10 / 110.0)).isGreaterThan(300);
    assertThat(rowCount(SummaryChart.CANARY, weight, 50 / 110.0)).isGreaterThan(300);
  }

  @Test
  void twoVersionsWithTheSameNumbersAreBothSeen() throws Exception {
    // The demo's first minutes: both versions at 0 % 5xx and the same P95, one line over the other.
    CanaryRelease r = started(at(0));
    ChartSpan span = ChartSpan.of(r, at(10));
    List<MetricHistory.Point> zero = ChartFixtures.flat(at(0), at(10), Duration.ofSeconds(10), 0.0);
    List<MetricHistory.Point> fast = ChartFixtures.flat(at(0), at(10), Duration.ofSeconds(10), 100);
    SummaryChart.Drawn same = SummaryChart.draw(ChartModel.of(r,
        new MetricHistory(Map.of("v1", zero, "v2", zero), Map.of("v1", fast, "v2", fast)), Thresholds.DEFAULT, span));
    image = ImageIO.read(new ByteArrayInputStream(same.png()));
    Files.write(Path.of("target", "summary-chart-same.png"), same.png());
    try {
      for (int panel = 0; panel < 2; panel++) {
        Rectangle2D area = same.panels().get(panel);
        assertThat(count(SummaryChart.STABLE, area)).as("stable in panel %d", panel).isGreaterThan(300);
        assertThat(count(SummaryChart.CANARY, area)).as("canary in panel %d", panel).isGreaterThan(300);
        // 0 % is drawn above the frame, not on it: at 0 on the axis there is green and orange.
        // P95 axis 0..2,200 ms (the gate, plus 10 %): 100 ms is 1/22 of the way up.
        assertThat(rowCount(SummaryChart.CANARY, area, panel == 0 ? 0 : 100 / 2200.0))
            .isGreaterThan(300);
      }
    } finally {
      image = ImageIO.read(new ByteArrayInputStream(drawn.png()));
    }
  }

  @Test
  void aOnePointHistoryIsNoChart() {
    CanaryRelease r = started(at(0));
    ChartSpan span = ChartSpan.of(r, at(1));
    List<MetricHistory.Point> one = List.of(new MetricHistory.Point(at(1), 0.001));
    ChartModel m = ChartModel.of(r, new MetricHistory(Map.of("v1", one, "v2", one), Map.of("v1", one)),
        Thresholds.DEFAULT, span);

    assertThat(SummaryChart.png(m)).isEmpty();
    assertThat(SummaryChart.png(model)).isPresent();
  }

  /** Pixels of about this colour (anti-aliasing blurs edges) inside the area. */
  static int count(Color c, Rectangle2D area) {
    int n = 0;
    for (int y = (int) area.getMinY(); y < (int) area.getMaxY(); y++) {
      for (int x = (int) area.getMinX(); x < (int) area.getMaxX(); x++) {
        n += near(c, image.getRGB(x, y)) ? 1 : 0;
      }
    }
    return n;
  }

  /**
   * Pixels of the colour within two rows of the value at {@code fraction} of the way from 0 to the
   * axis' top; zero sits {@link SummaryChart#BELOW_ZERO} of the height above the area's bottom.
   */
  static int rowCount(Color c, Rectangle2D area, double fraction) {
    double zero = SummaryChart.BELOW_ZERO;
    int row = (int) Math.round(area.getMaxY() - (zero + (1 - zero) * fraction) * area.getHeight());
    int n = 0;
    for (int y = row - 2; y <= row + 2; y++) {
      for (int x = (int) area.getMinX(); x < (int) area.getMaxX(); x++) {
        n += near(c, image.getRGB(x, y)) ? 1 : 0;
      }
    }
    return n;
  }

  /**
   * Pixels of the colour within eight rows of the value at {@code fraction} of the axis, between
   * {@code from} and {@code to} of the area's width.
   */
  static int bandCount(Color c, Rectangle2D area, double fraction, double from, double to) {
    double zero = SummaryChart.BELOW_ZERO;
    int row = (int) Math.round(area.getMaxY() - (zero + (1 - zero) * fraction) * area.getHeight());
    int left = (int) Math.round(area.getMinX() + from * area.getWidth());
    int right = (int) Math.round(area.getMinX() + to * area.getWidth());
    int n = 0;
    for (int y = row - 8; y <= row + 8; y++) {
      for (int x = left; x < right; x++) {
        n += near(c, image.getRGB(x, y)) ? 1 : 0;
      }
    }
    return n;
  }

  /** Pixels of the colour within two columns of {@code fraction} of the area's width from its left. */
  static int columnCount(Color c, Rectangle2D area, double fraction) {
    int column = (int) Math.round(area.getMinX() + fraction * area.getWidth());
    int n = 0;
    for (int x = column - 2; x <= column + 2; x++) {
      for (int y = (int) area.getMinY(); y < (int) area.getMaxY(); y++) {
        n += near(c, image.getRGB(x, y)) ? 1 : 0;
      }
    }
    return n;
  }

  static boolean near(Color c, int rgb) {
    Color p = new Color(rgb);
    int dr = p.getRed() - c.getRed();
    int dg = p.getGreen() - c.getGreen();
    int db = p.getBlue() - c.getBlue();
    return dr * dr + dg * dg + db * db < 30 * 30;
  }
}
