package dev.canarybot.demo.traffic;

/** Prometheus' text exposition format (version 0.0.4), one sample per line. */
final class ExpositionWriter {
  private final StringBuilder out = new StringBuilder();

  void type(String family, String type) {
    out.append("# TYPE ").append(family).append(' ').append(type).append('\n');
  }

  void sample(String name, String labels, double value) {
    out.append(name).append('{').append(labels).append("} ").append(number(value)).append('\n');
  }

  /** Integers without a trailing ".0", as Prometheus clients write them; +Inf spelled its way. */
  static String number(double v) {
    if (Double.isInfinite(v)) {
      return v > 0 ? "+Inf" : "-Inf";
    }
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return Long.toString((long) v);
    }
    return Double.toString(v);
  }

  @Override
  public String toString() {
    return out.toString();
  }
}
