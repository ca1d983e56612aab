package dev.canarybot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canarybot.service.CanaryConfig;
import dev.canarybot.slack.AccessPolicy.Need;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Who may do what, with user groups and the optional four-eyes rule. */
class AccessPolicyTest {
  static final GroupMembership GROUPS = (group, user) ->
      Map.of("S0APPROVERS", List.of("U0GROUPIE")).getOrDefault(group, List.of()).contains(user);

  /** CanaryConfig with the given answers; anything else is the mapping's default. */
  static CanaryConfig config(List<String> channels, boolean secondApprover) {
    Map<String, Object> answers = Map.of(
        "operators", Optional.of(List.of("U0OPERATOR")),
        "approvers", Optional.of(List.of("U0APPROVER", "S0APPROVERS")),
        "channels", channels.isEmpty() ? Optional.empty() : Optional.of(channels),
        "secondApprover", secondApprover);
    return (CanaryConfig) Proxy.newProxyInstance(CanaryConfig.class.getClassLoader(),
        new Class<?>[] {CanaryConfig.class}, (proxy, method, args) -> {
          if (!answers.containsKey(method.getName())) {
            throw new UnsupportedOperationException(method.getName());
          }
          return answers.get(method.getName());
        });
  }

  AccessPolicy policy = new AccessPolicy(config(List.of(), false), GROUPS);

  @Test
  void operatorsOperateButDoNotApprove() {
    assertThat(policy.refusal("U0OPERATOR", Need.OPERATE, "C1")).isEmpty();
    assertThat(policy.refusal("U0OPERATOR", Need.APPROVE, "C1")).contains(
        "only approvers may do that, and <@U0OPERATOR> is not one (setting CANARY_APPROVERS)");
  }

  @Test
  void approversMayDoEverythingAndRollbackIsNeverHarder() {
    assertThat(policy.refusal("U0APPROVER", Need.APPROVE, "C1")).isEmpty();
    assertThat(policy.refusal("U0APPROVER", Need.OPERATE, "C1")).isEmpty();
  }

  @Test
  void membersOfAnApproverGroupApprove() {
    assertThat(policy.refusal("U0GROUPIE", Need.APPROVE, "C1")).isEmpty();
  }

  @Test
  void outsidersMayOnlyRead() {
    assertThat(policy.refusal("U0OUTSIDER", Need.READ, "C1")).isEmpty();
    assertThat(policy.refusal("U0OUTSIDER", Need.OPERATE, "C1").orElseThrow())
        .startsWith("only operators or approvers may do that, and <@U0OUTSIDER> is neither");
  }

  @Test
  void onlyAllowedChannelsAreServed() {
    AccessPolicy inReleases = new AccessPolicy(config(List.of("C0RELEASES"), false), GROUPS);
    assertThat(inReleases.refusal("U0APPROVER", Need.READ, "C0RANDOM").orElseThrow())
        .isEqualTo("canary-bot does not act in this channel; use it in <#C0RELEASES> (setting CANARY_CHANNELS)");
    assertThat(inReleases.refusal("U0APPROVER", Need.APPROVE, "C0RELEASES")).isEmpty();
  }
}
