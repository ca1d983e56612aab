package dev.canarybot.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canarybot.demo.slackapi.FakeSlackWebApi;

/**
 * The after-test check of every flow test: nothing the bot sent was refused for its blocks, so
 * the flow would look the same in real Slack (which shows nothing of a refused message).
 */
public final class SlackTook {
  private SlackTook() {}

  public static void everyBlock(FakeSlackWebApi api) {
    assertThat(api.blockRefusals())
        .as("calls real Slack would refuse for their blocks")
        .extracting(c -> c.method() + " " + c.problem())
        .isEmpty();
  }
}
