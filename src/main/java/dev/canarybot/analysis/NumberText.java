package dev.canarybot.analysis;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

/** How numbers read in verdicts: "2,468 requests", "2.31 %", "1,500 ms", "18 %". */
final class NumberText {
  private NumberText() {}

  /** A count with thousands separators; Prometheus' fractional counts are rounded. */
  static String count(double n) {
    return String.format(Locale.ROOT, "%,d", Math.round(n));
  }

  /** A rate as a percentage with at most two decimals, trailing zeros dropped: "1 %", "2.31 %". */
  static String percent(double fraction) {
    return trimmed(fraction * 100, 2) + " %";
  }

  /** A traffic share in whole percent: "18 %". */
  static String share(double fraction) {
    return trimmed(fraction * 100, 0) + " %";
  }

  static String millis(double ms) {
    return String.format(Locale.ROOT, "%,d ms", Math.round(ms));
  }

  /** "99 %", "99.9 %": confidence keeps the digits that distinguish it from 100 %. */
  static String confidence(double c) {
    return trimmed(Math.floor(c * 1000) / 10, 1) + " %";
  }

  private static String trimmed(double v, int decimals) {
    BigDecimal d = BigDecimal.valueOf(v).setScale(decimals, RoundingMode.HALF_UP).stripTrailingZeros();
    return d.scale() < 0 ? d.setScale(0).toPlainString() : d.toPlainString();
  }
}
