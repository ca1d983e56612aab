package dev.canarybot.slack.view;

import dev.canarybot.analysis.CheckReading;
import dev.canarybot.release.CanaryRelease;
import dev.canarybot.release.CheckSpec;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import java.util.OptionalDouble;

/** The answer to {@code /canary checks <name>}: each check, its bounds and its latest values (mrkdwn). */
public final class CheckText {
  private CheckText() {}

  public static String table(CanaryRelease r, List<CheckReading> readings) {
    if (r.checks().isEmpty()) {
      return SlackText.safe(r.name()) + " has no custom checks. Start a release with `--check <name>` "
          + "to use a configured one, or add `spec.checks` to its CanaryRelease.";
    }
    StringBuilder out = new StringBuilder("Custom checks of *").append(SlackText.safe(r.name())).append("*:");
    for (CheckReading c : readings) {
      CheckSpec s = c.spec();
      out.append("\n• *").append(SlackText.safe(s.name())).append("* (").append(bounds(s))
          .append(", on breach: ").append(s.onBreach()).append("): ");
      if (c.problem() != null) {
        out.append("cannot be judged: ").append(SlackText.safe(c.problem()));
      } else {
        out.append(SlackText.safe(r.target().canarySubset())).append(' ').append(value(c.canary())).append(", ")
            .append(SlackText.safe(r.target().stableSubset())).append(' ').append(value(c.stable()));
      }
    }
    return out.toString();
  }

  private static String bounds(CheckSpec s) {
    String what = s.relativeToStable() ? "canary ÷ stable" : "canary";
    String min = s.min().isPresent() ? " ≥ " + number(s.min().getAsDouble()) : "";
    String max = s.max().isPresent() ? " ≤ " + number(s.max().getAsDouble()) : "";
    return what + min + (min.isEmpty() || max.isEmpty() ? "" : " and") + max;
  }

  private static String value(OptionalDouble v) {
    return v.isPresent() ? number(v.getAsDouble()) : "no data";
  }

  private static String number(double v) {
    BigDecimal d = new BigDecimal(v).round(new MathContext(4)).stripTrailingZeros();
    return d.scale() < 0 ? d.setScale(0).toPlainString() : d.toPlainString();
  }
}
