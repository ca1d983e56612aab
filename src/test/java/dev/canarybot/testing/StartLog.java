package dev.canarybot.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.List;
import java.util.Map;

/** Captures what the bot's own loggers say from before the app starts: for "logged once, at start". */
public class StartLog implements QuarkusTestResourceLifecycleManager {
  private static volatile LogCapture capture;

  public static List<LogCapture.Line> lines() {
    return capture.lines();
  }

  @Override
  public Map<String, String> start() {
    capture = LogCapture.of("dev.canarybot");
    return Map.of();
  }

  @Override
  public void stop() {
    if (capture != null) {
      capture.close();
    }
  }
}
