package dev.canarybot.testing;

import dev.canarybot.slack.SlackSettings;
import java.time.Duration;
import java.util.Optional;

/** {@link SlackSettings} as a value, for plain JUnit tests: fast retries, and withers for the rest. */
public record TestSlackSettings(Optional<String> botToken, Optional<String> signingSecret,
    Optional<String> appToken, Optional<String> apiUrl, boolean checkAtStartup, Duration groupCacheTtl,
    Duration groupLookupWait, Duration groupRetryWait, int summaryBacklog, Duration retryFirstWait,
    Duration retryMaxWait, int retryAttempts) implements SlackSettings {

  /** Token {@code xoxb-test}, retries after 20 ms then up to 50 ms, four tries; defaults for the rest. */
  public static TestSlackSettings fast() {
    return new TestSlackSettings(Optional.of("xoxb-test"), Optional.empty(), Optional.empty(),
        Optional.empty(), true, Duration.ofMinutes(5), Duration.ofSeconds(15), Duration.ofSeconds(30),
        10, Duration.ofMillis(20), Duration.ofMillis(50), 4);
  }

  public TestSlackSettings withRetryAttempts(int attempts) {
    return new TestSlackSettings(botToken, signingSecret, appToken, apiUrl, checkAtStartup,
        groupCacheTtl, groupLookupWait, groupRetryWait, summaryBacklog, retryFirstWait, retryMaxWait,
        attempts);
  }

  public TestSlackSettings withSummaryBacklog(int backlog) {
    return new TestSlackSettings(botToken, signingSecret, appToken, apiUrl, checkAtStartup,
        groupCacheTtl, groupLookupWait, groupRetryWait, backlog, retryFirstWait, retryMaxWait,
        retryAttempts);
  }

  public TestSlackSettings withGroupLookupWait(Duration wait) {
    return new TestSlackSettings(botToken, signingSecret, appToken, apiUrl, checkAtStartup,
        groupCacheTtl, wait, groupRetryWait, summaryBacklog, retryFirstWait, retryMaxWait,
        retryAttempts);
  }

  /** The Slack transport as a start check sees it; {@code null} means unset. */
  public TestSlackSettings withTransport(String token, String signingSecret, String appToken, String apiUrl) {
    return new TestSlackSettings(Optional.ofNullable(token), Optional.ofNullable(signingSecret),
        Optional.ofNullable(appToken), Optional.ofNullable(apiUrl), checkAtStartup, groupCacheTtl,
        groupLookupWait, groupRetryWait, summaryBacklog, retryFirstWait, retryMaxWait, retryAttempts);
  }

  public TestSlackSettings withSlack(String token, String signingSecret, String apiUrl) {
    return new TestSlackSettings(Optional.of(token), Optional.of(signingSecret), appToken,
        Optional.of(apiUrl), checkAtStartup, groupCacheTtl, groupLookupWait, groupRetryWait,
        summaryBacklog, retryFirstWait, retryMaxWait, retryAttempts);
  }
}
