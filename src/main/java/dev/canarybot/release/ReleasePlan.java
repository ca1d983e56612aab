package dev.canarybot.release;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The canary weights a release walks through, and how long it must stay at 100 % before the
 * old version may be cleaned up.
 */
public record ReleasePlan(List<Integer> steps, Duration cleanupAfter) {

  public static final List<Integer> DEFAULT_STEPS = List.of(10, 50, 100);
  public static final Duration DEFAULT_CLEANUP_AFTER = Duration.ofHours(24);
  public static final ReleasePlan DEFAULT = new ReleasePlan(DEFAULT_STEPS, DEFAULT_CLEANUP_AFTER);

  public ReleasePlan {
    steps = List.copyOf(steps);
    String problem = problemWith(steps);
    if (problem != null) {
      throw new InvalidPlanException(problem);
    }
    if (cleanupAfter == null || cleanupAfter.isNegative()) {
      throw new InvalidPlanException("cleanup delay must be zero or positive, got " + cleanupAfter);
    }
  }

  /** Parses "10,50,100" (spaces allowed); the error says what is wrong and what is expected. */
  public static ReleasePlan parse(String text, Duration cleanupAfter) {
    if (text == null || text.isBlank()) {
      throw new InvalidPlanException("steps are empty; " + RULE);
    }
    List<Integer> steps = new ArrayList<>();
    for (String part : text.split(",", -1)) {
      String trimmed = part.trim();
      if (trimmed.isEmpty()) {
        throw new InvalidPlanException("steps \"" + text + "\" have an empty entry; " + RULE);
      }
      try {
        steps.add(Integer.parseInt(trimmed));
      } catch (NumberFormatException e) {
        throw new InvalidPlanException(
            "step \"" + trimmed + "\" is not a whole number; " + RULE);
      }
    }
    return new ReleasePlan(steps, cleanupAfter);
  }

  private static final String RULE =
      "steps are whole percentages, strictly increasing, between 1 and 100, ending at 100 "
          + "(for example 10,50,100)";

  private static String problemWith(List<Integer> steps) {
    if (steps.isEmpty()) {
      return "steps are empty; " + RULE;
    }
    for (int i = 0; i < steps.size(); i++) {
      Integer step = steps.get(i);
      if (step == null || step < 1 || step > 100) {
        return "step " + step + " is outside 1..100; " + RULE;
      }
      if (i > 0 && step <= steps.get(i - 1)) {
        return "step " + step + " does not increase on " + steps.get(i - 1) + "; " + RULE;
      }
    }
    if (steps.get(steps.size() - 1) != 100) {
      return "the last step is " + steps.get(steps.size() - 1) + ", not 100; " + RULE;
    }
    return null;
  }

  public int weightAt(int stepIndex) {
    return steps.get(stepIndex);
  }

  public int lastIndex() {
    return steps.size() - 1;
  }

  /** Index of a weight in the plan, or -1 when it is not one of the steps. */
  public int indexOf(int weight) {
    return steps.indexOf(weight);
  }

  /** "10 → 50 → 100". */
  public String describe() {
    return steps.stream().map(String::valueOf).collect(Collectors.joining(" → "));
  }
}
