package dev.canarybot.slack.view;

import dev.canarybot.analysis.MetricHistory;
import java.awt.BasicStroke;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.time.Millisecond;
import org.jfree.data.time.TimeSeries;
import org.jfree.data.time.TimeSeriesCollection;

/**
 * The summary's chart: 5xx rate and P95 of stable and canary over the last half hour, one PNG,
 * so a person sees a trend that a single number hides.
 */
public final class SummaryChart {
  private static final Color STABLE = new Color(0x2e, 0x7d, 0x32);
  private static final Color CANARY = new Color(0xef, 0x6c, 0x00);

  static {
    // The bot has no display; charts are drawn off screen.
    System.setProperty("java.awt.headless", "true");
  }

  private SummaryChart() {}

  public static byte[] png(String title, String stable, String canary, MetricHistory history) {
    DateAxis time = new DateAxis("UTC");
    time.setTimeZone(TimeZone.getTimeZone("UTC"));
    CombinedDomainXYPlot plot = new CombinedDomainXYPlot(time);
    plot.add(panel("5xx %", percent(history.errorRatio()), stable, canary, true), 1);
    plot.add(panel("P95 ms", history.p95Ms(), stable, canary, false), 1);
    JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
    chart.setBackgroundPaint(Color.WHITE);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ChartUtils.writeChartAsPNG(out, chart, 900, 520);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static XYPlot panel(String label, Map<String, List<MetricHistory.Point>> series, String stable,
      String canary, boolean inLegend) {
    TimeSeriesCollection data = new TimeSeriesCollection();
    data.addSeries(series(stable, series.getOrDefault(stable, List.of())));
    data.addSeries(series(canary, series.getOrDefault(canary, List.of())));
    // Points as well as lines: a release a minute old has one point, which a line alone hides.
    XYLineAndShapeRenderer lines = new XYLineAndShapeRenderer(true, true);
    lines.setSeriesShape(0, new java.awt.geom.Ellipse2D.Double(-2, -2, 4, 4));
    lines.setSeriesShape(1, new java.awt.geom.Ellipse2D.Double(-2, -2, 4, 4));
    lines.setSeriesPaint(0, STABLE);
    lines.setSeriesPaint(1, CANARY);
    lines.setSeriesStroke(0, new BasicStroke(2f));
    lines.setSeriesStroke(1, new BasicStroke(2f));
    // Both panels show the same two versions: one legend entry each is enough.
    lines.setSeriesVisibleInLegend(0, inLegend);
    lines.setSeriesVisibleInLegend(1, inLegend);
    NumberAxis axis = new NumberAxis(label);
    axis.setAutoRangeIncludesZero(true);
    XYPlot plot = new XYPlot(data, null, axis, lines);
    plot.setBackgroundPaint(Color.WHITE);
    plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
    return plot;
  }

  private static TimeSeries series(String name, List<MetricHistory.Point> points) {
    TimeSeries s = new TimeSeries(name);
    for (MetricHistory.Point p : points) {
      s.addOrUpdate(new Millisecond(Date.from(p.at())), p.value());
    }
    return s;
  }

  private static Map<String, List<MetricHistory.Point>> percent(Map<String, List<MetricHistory.Point>> ratios) {
    Map<String, List<MetricHistory.Point>> out = new LinkedHashMap<>();
    ratios.forEach((k, v) -> out.put(k, v.stream()
        .map(p -> new MetricHistory.Point(p.at(), 100 * p.value())).toList()));
    return out;
  }
}
