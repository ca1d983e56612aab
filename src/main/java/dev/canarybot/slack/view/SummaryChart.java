package dev.canarybot.slack.view;

import dev.canarybot.analysis.ChartModel;
import dev.canarybot.analysis.MetricHistory;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.awt.Stroke;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.DateFormat;
import java.time.Duration;
import java.text.DecimalFormat;
import java.text.SimpleDateFormat;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TimeZone;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.DateTickUnit;
import org.jfree.chart.axis.DateTickUnitType;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.TickUnits;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.SeriesRenderingOrder;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYItemRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.renderer.xy.XYStepRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Draws a {@link ChartModel} as the summary's PNG: three panels over one UTC time axis (5xx %,
 * P95, the canary's weight), the gate and rollback levels as dashed lines and each transition
 * as a vertical line. Every kind of line has its own colour, so a glance (or a test) tells them apart.
 */
public final class SummaryChart {
  static final int WIDTH = 1000;
  static final int HEIGHT = 660;
  static final Color STABLE = new Color(0x2e, 0x7d, 0x32);
  static final Color CANARY = new Color(0xef, 0x6c, 0x00);
  static final Color GATE = new Color(0x15, 0x65, 0xc0);
  static final Color ROLLBACK = new Color(0xc6, 0x28, 0x28);
  static final Color TRANSITION = new Color(0x8e, 0x24, 0xaa);
  private static final Color GRID = new Color(0xdd, 0xdd, 0xdd);
  /** Labels sit on a nearly opaque white patch so a line behind them does not cross the words. */
  private static final Color LABEL_BACKGROUND = new Color(255, 255, 255, 220);
  private static final TimeZone UTC = TimeZone.getTimeZone("UTC");
  /** Stable is drawn first and wider, so where the canary's line covers it a green edge still shows. */
  private static final Stroke STABLE_LINE = new BasicStroke(5f);
  private static final Stroke CANARY_LINE = new BasicStroke(2f);
  private static final Stroke LEVEL = new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
      new float[] {8f, 5f}, 0f);
  private static final Stroke MARKER = new BasicStroke(2f);
  private static final Font LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, 11);
  /**
   * The value axes start this share of their height below zero: a series at 0 (no 5xx at all, the
   * usual case) would otherwise sit on the frame, half clipped.
   */
  static final double BELOW_ZERO = 0.02;
  /** A span this long has ticks at whole minutes, read as HH:mm; a shorter one needs seconds. */
  private static final Duration SECOND_TICKS_BELOW = Duration.ofMinutes(3);
  /** Fewer points than this get a dot on each, so a short series is seen, not just a stub of line. */
  private static final int DOTS_BELOW = 30;

  static {
    // The bot has no display; charts are drawn off screen.
    System.setProperty("java.awt.headless", "true");
  }

  private SummaryChart() {}

  /** The PNG, or empty when the model has no line to draw: the caller posts the table alone. */
  public static Optional<byte[]> png(ChartModel model) {
    return model.drawable() ? Optional.of(draw(model).png()) : Optional.empty();
  }

  /** A drawn chart and where its panels' data areas ended up, top to bottom (for tests). */
  record Drawn(byte[] png, List<Rectangle2D> panels) {}

  static Drawn draw(ChartModel model) {
    DateAxis time = timeAxis(model);
    CombinedDomainXYPlot plot = new CombinedDomainXYPlot(time);
    plot.setGap(12);
    NumberAxis errorAxis = axis("5xx rate", model.errorAxisTop(), new DecimalFormat("0.##' %'"));
    XYPlot errors = panel(model.errorPercent(), errorAxis);
    levels(errors, model.errorLevels(), model.errorAxisTop());
    NumberAxis p95Axis = axis("P95 latency", model.p95AxisTop(), new DecimalFormat("#,##0' ms'"));
    XYPlot p95 = panel(model.p95Ms(), p95Axis);
    levels(p95, model.p95Levels(), model.p95AxisTop());
    XYPlot weight = weightPanel(model);
    markers(model, List.of(errors, p95, weight));
    plot.add(errors, 3);
    plot.add(p95, 3);
    plot.add(weight, 2);
    plot.setFixedLegendItems(legend(model));

    JFreeChart chart = new JFreeChart(model.title(), new Font(Font.SANS_SERIF, Font.BOLD, 16), plot, false);
    LegendTitle legend = new LegendTitle(plot);
    legend.setPosition(RectangleEdge.TOP);
    legend.setItemFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
    chart.addSubtitle(legend);
    chart.setBackgroundPaint(Color.WHITE);
    ChartRenderingInfo info = new ChartRenderingInfo();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ChartUtils.writeChartAsPNG(out, chart, WIDTH, HEIGHT, info);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<Rectangle2D> areas = new ArrayList<>();
    for (int i = 0; i < info.getPlotInfo().getSubplotCount(); i++) {
      areas.add(info.getPlotInfo().getSubplotInfo(i).getDataArea());
    }
    return new Drawn(out.toByteArray(), areas);
  }

  /**
   * HH:mm in UTC, with the zone in the axis label; seconds only for a release a few minutes old.
   * The span is the release's, not the data's.
   */
  private static DateAxis timeAxis(ChartModel model) {
    DateAxis time = new DateAxis("time (UTC)");
    time.setTimeZone(UTC);
    time.setRange(Date.from(model.span().from()), Date.from(model.span().to()));
    DateFormat hhmm = new SimpleDateFormat("HH:mm", Locale.ROOT);
    hhmm.setTimeZone(UTC);
    DateFormat hhmmss = new SimpleDateFormat("HH:mm:ss", Locale.ROOT);
    hhmmss.setTimeZone(UTC);
    TickUnits units = new TickUnits();
    if (model.span().range().compareTo(SECOND_TICKS_BELOW) < 0) {
      for (int seconds : new int[] {10, 15, 30}) {
        units.add(new DateTickUnit(DateTickUnitType.SECOND, seconds, hhmmss));
      }
    }
    for (int minutes : new int[] {1, 2, 5, 10, 15, 30}) {
      units.add(new DateTickUnit(DateTickUnitType.MINUTE, minutes, hhmm));
    }
    for (int hours : new int[] {1, 2, 3, 6}) {
      units.add(new DateTickUnit(DateTickUnitType.HOUR, hours, hhmm));
    }
    time.setStandardTickUnits(units);
    time.setLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
    return time;
  }

  private static NumberAxis axis(String label, double upper, DecimalFormat format) {
    NumberAxis axis = new NumberAxis(label);
    axis.setRange(-BELOW_ZERO / (1 - BELOW_ZERO) * upper, upper);
    axis.setNumberFormatOverride(format);
    axis.setLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
    return axis;
  }

  private static XYPlot panel(List<ChartModel.Series> series, NumberAxis axis) {
    XYSeriesCollection data = new XYSeriesCollection();
    XYLineAndShapeRenderer lines = new XYLineAndShapeRenderer(true, true);
    for (int i = 0; i < series.size(); i++) {
      ChartModel.Series s = series.get(i);
      XYSeries xy = new XYSeries(s.label(), false, true);
      for (MetricHistory.Point p : s.points()) {
        xy.add(p.at().toEpochMilli(), p.value());
      }
      data.addSeries(xy);
      lines.setSeriesPaint(i, colour(s.role()));
      lines.setSeriesStroke(i, s.role() == ChartModel.Role.STABLE ? STABLE_LINE : CANARY_LINE);
      lines.setSeriesShape(i, new Ellipse2D.Double(-2.5, -2.5, 5, 5));
      lines.setSeriesShapesVisible(i, s.points().size() < DOTS_BELOW);
    }
    return plot(data, axis, lines);
  }

  private static XYPlot weightPanel(ChartModel model) {
    XYSeries xy = new XYSeries("canary weight", false, true);
    for (ChartModel.WeightStep step : model.canaryWeight()) {
      xy.add(step.at().toEpochMilli(), step.weight());
    }
    XYStepRenderer steps = new XYStepRenderer();
    steps.setSeriesPaint(0, CANARY);
    steps.setSeriesStroke(0, new BasicStroke(2.5f));
    NumberAxis axis = axis("canary weight", 110, new DecimalFormat("0' %'"));
    axis.setTickUnit(new NumberTickUnit(50, new DecimalFormat("0' %'")));
    return plot(new XYSeriesCollection(xy), axis, steps);
  }

  private static XYPlot plot(XYSeriesCollection data, NumberAxis axis, XYItemRenderer r) {
    XYPlot plot = new XYPlot(data, null, axis, r);
    // Stable first, the canary over it: the canary is what the chart is about.
    plot.setSeriesRenderingOrder(SeriesRenderingOrder.FORWARD);
    plot.setBackgroundPaint(Color.WHITE);
    plot.setRangeGridlinePaint(GRID);
    plot.setDomainGridlinePaint(GRID);
    plot.setOutlinePaint(Color.GRAY);
    return plot;
  }

  /**
   * Dashed horizontal lines, labelled at the right end just above the line. A level above the
   * axis is named at the panel's top edge with an arrow, so a person still knows it is there.
   */
  private static void levels(XYPlot plot, List<ChartModel.Level> levels, double top) {
    for (ChartModel.Level level : levels) {
      Color colour = level.kind() == ChartModel.LevelKind.GATE ? GATE : ROLLBACK;
      boolean above = level.value() > top;
      ValueMarker line = above
          ? new ValueMarker(top, new Color(0, 0, 0, 0), LEVEL)
          : new ValueMarker(level.value(), colour, LEVEL);
      line.setLabel(above ? level.label() + " ↑" : level.label());
      line.setLabelFont(LABEL);
      line.setLabelPaint(colour);
      line.setLabelBackgroundColor(LABEL_BACKGROUND);
      // Off the scale, the name goes top left: top right is where the gate's own label sits.
      line.setLabelAnchor(above ? RectangleAnchor.BOTTOM_LEFT : RectangleAnchor.TOP_RIGHT);
      line.setLabelTextAnchor(above ? TextAnchor.TOP_LEFT : TextAnchor.BOTTOM_RIGHT);
      line.setLabelOffset(new RectangleInsets(2, 2, 2, 4));
      plot.addRangeMarker(line, Layer.BACKGROUND);
    }
  }

  /**
   * A vertical line per transition through every panel, labelled once in the top panel. Labels
   * of neighbouring transitions are staggered downwards so that a pause and a resume a minute
   * apart stay legible.
   */
  private static void markers(ChartModel model, List<XYPlot> panels) {
    for (int i = 0; i < model.markers().size(); i++) {
      ChartModel.Marker m = model.markers().get(i);
      for (int p = 0; p < panels.size(); p++) {
        ValueMarker line = new ValueMarker(m.at().toEpochMilli(), TRANSITION, MARKER);
        if (p == 0) {
          line.setLabel(m.label());
          line.setLabelFont(LABEL);
          line.setLabelPaint(TRANSITION);
          line.setLabelBackgroundColor(LABEL_BACKGROUND);
          line.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
          line.setLabelTextAnchor(TextAnchor.TOP_LEFT);
          line.setLabelOffset(new RectangleInsets(4 + 14 * (i % 3), 3, 0, 0));
        }
        panels.get(p).addDomainMarker(line, Layer.BACKGROUND);
      }
    }
  }

  private static LegendItemCollection legend(ChartModel model) {
    LegendItemCollection items = new LegendItemCollection();
    for (ChartModel.Series s : model.errorPercent()) {
      items.add(line(s.label(), colour(s.role()), CANARY_LINE));
    }
    if (!model.errorLevels().isEmpty()) {
      items.add(line("gate", GATE, LEVEL));
      items.add(line("rollback", ROLLBACK, LEVEL));
    }
    if (!model.markers().isEmpty()) {
      items.add(line("transition", TRANSITION, MARKER));
    }
    return items;
  }

  private static LegendItem line(String label, Paint paint, Stroke stroke) {
    return new LegendItem(label, null, null, null, new Line2D.Double(-9, 0, 9, 0), stroke, paint);
  }

  private static Color colour(ChartModel.Role role) {
    return role == ChartModel.Role.STABLE ? STABLE : CANARY;
  }
}
