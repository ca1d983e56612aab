package dev.canarybot.service;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.canarybot.release.InvalidWindowsException;
import dev.canarybot.service.port.FreezeStore;
import org.junit.jupiter.api.Test;

/** A bad {@code canary.windows} stops the bean, so the bot's start, with the right form. */
class PoliciesTest {
  @Test
  void aBadWindowExpressionFailsWithTheRightForm() {
    CanaryConfig config = new TestConfig() {
      @Override public String windows() { return "Mon-Fri 09:00-17:00 Asia/Shanghai; Sat 10-12 Asia/Shanghai"; }
    };
    assertThatThrownBy(() -> new Policies(FreezeStore.NONE, config))
        .isInstanceOf(InvalidWindowsException.class)
        .hasMessageContaining("canary.windows entry 2 \"Sat 10-12 Asia/Shanghai\"")
        .hasMessageContaining("write HH:mm-HH:mm, e.g. \"Mon-Fri 09:00-17:00 Asia/Shanghai; Sat 10:00-12:00 UTC\"");
  }
}
