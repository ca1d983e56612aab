package dev.canarybot.slack.view;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canarybot.analysis.MetricHistory;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** The chart is a real PNG of the right size, drawn headless. */
class SummaryChartTest {

  @Test
  void drawsBothVersionsInTwoPanels() throws Exception {
    Instant t0 = Instant.parse("2026-11-28T10:00:00Z");
    List<MetricHistory.Point> v1Errors = new ArrayList<>();
    List<MetricHistory.Point> v2Errors = new ArrayList<>();
    List<MetricHistory.Point> v1P95 = new ArrayList<>();
    List<MetricHistory.Point> v2P95 = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      Instant at = t0.plusSeconds(30L * i);
      v1Errors.add(new MetricHistory.Point(at, 0.001));
      v2Errors.add(new MetricHistory.Point(at, i < 40 ? 0.001 : 0.05));
      v1P95.add(new MetricHistory.Point(at, 180));
      v2P95.add(new MetricHistory.Point(at, 190 + i));
    }
    byte[] png = SummaryChart.png("api-vs: v1 vs v2, last 30 min", "v1", "v2",
        new MetricHistory(Map.of("v1", v1Errors, "v2", v2Errors), Map.of("v1", v1P95, "v2", v2P95)));

    BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
    assertThat(image.getWidth()).isEqualTo(900);
    assertThat(image.getHeight()).isEqualTo(520);
    Files.createDirectories(Path.of("target"));
    Files.write(Path.of("target", "summary-chart.png"), png);
  }
}
