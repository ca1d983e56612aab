package dev.canarybot.service;

import dev.canarybot.service.port.Analysis;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** The defaults of {@link CanaryConfig}, with no wait before cleanup. */
public class TestConfig implements CanaryConfig {
  private final List<String> namespaces;

  /** Every namespace. */
  public TestConfig() {
    this(List.of());
  }

  /** Only these namespaces; none means every namespace. */
  public TestConfig(List<String> namespaces) {
    this.namespaces = List.copyOf(namespaces);
  }

  @Override public String namespace() { return "default"; }
  @Override public List<Integer> steps() { return List.of(10, 50, 100); }
  @Override public Duration cleanupAfter() { return Duration.ZERO; }
  @Override public boolean autoRollback() { return true; }
  @Override public String resyncInterval() { return "off"; }
  @Override public Duration observeFirstStep() { return Duration.ofMinutes(30); }
  @Override public Duration observeLaterSteps() { return Duration.ofHours(1); }
  @Override public dev.canarybot.release.CapacityMode capacity() { return dev.canarybot.release.CapacityMode.MATCH_WEIGHT; }
  @Override public Duration capacityTimeout() { return Duration.ofMinutes(10); }
  @Override public dev.canarybot.release.RollbackCapacity rollbackCapacity() { return dev.canarybot.release.RollbackCapacity.START; }
  @Override public Optional<String> channel() { return Optional.of("C0CANARY"); }
  @Override public Optional<List<String>> operators() { return Optional.of(List.of("U0OPERATOR")); }
  @Override public Optional<List<String>> approvers() { return Optional.of(List.of("U0APPROVER")); }
  @Override public Optional<List<String>> channels() { return Optional.empty(); }
  @Override public Optional<List<String>> namespaces() { return namespaces.isEmpty() ? Optional.empty() : Optional.of(namespaces); }
  @Override public boolean secondApprover() { return false; }
  @Override public Analysis analysis() {
    return new Analysis() {
      public String interval() { return "off"; }
      public Duration window() { return Duration.ofMinutes(5); }
      public Duration recentWindow() { return Duration.ofMinutes(1); }
      public Duration scrapeInterval() { return Duration.ofSeconds(15); }
      public int unavailableTicks() { return 3; }
      public boolean gates() { return false; }
    };
  }
  @Override public String windows() { return "always"; }
  @Override public Duration remindAfter() { return Duration.ofMinutes(30); }
  @Override public Duration remindEvery() { return Duration.ofHours(2); }
  @Override public String stepDeadline() { return "24h"; }
  @Override public String deadlineAction() { return "report"; }
  @Override public boolean windowsBlockStart() { return false; }
  @Override public Freeze freeze() {
    return new Freeze() {
      public String namespace() { return "canary-bot"; }
      public String configMap() { return "canary-bot-freeze"; }
    };
  }
  @Override public Summary summary() { return () -> "off"; }
  @Override public Alert alert() { return () -> "@here"; }
  @Override public java.util.Map<String, Check> checks() { return java.util.Map.of(); }
  @Override public java.util.Map<String, String> links() { return java.util.Map.of(); }
}
