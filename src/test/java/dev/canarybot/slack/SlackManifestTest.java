package dev.canarybot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.canarybot.slack.inbound.SlackHandlers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The manifest declares exactly what the code uses: the command it registers, the events it
 * listens to, and the scopes of every Web API method it calls (found in the sources, so a new
 * call without its scope fails here, not in a workspace).
 */
class SlackManifestTest {
  /** The bot scope each Web API method needs; a method missing here fails the test on purpose. */
  static final Map<String, String> SCOPE_OF = Map.of(
      "auth.test", "",
      "chat.postMessage", "chat:write",
      "chat.update", "chat:write",
      "chat.postEphemeral", "chat:write",
      "usergroups.users.list", "usergroups:read",
      "files.uploadV2", "files:write",
      "files.getUploadURLExternal", "files:write",
      "files.completeUploadExternal", "files:write",
      "views.publish", "",
      "views.open", "");
  static final Map<String, String> EVENT_OF = Map.of("AppHomeOpenedEvent", "app_home_opened");

  static JsonNode manifest;
  static String sources;

  @BeforeAll
  static void read() throws IOException {
    manifest = new YAMLMapper().readTree(Path.of("slack-app-manifest.yml").toFile());
    StringBuilder all = new StringBuilder();
    try (Stream<Path> files = Files.walk(Path.of("src", "main", "java"))) {
      for (Path f : files.filter(p -> p.toString().endsWith(".java"))
          .filter(p -> !p.toString().contains("/fake/")).toList()) {
        all.append(Files.readString(f)).append('\n');
      }
    }
    sources = all.toString();
  }

  /** {@code submit(Kind.CARD, "chat.update", …)}: the kind (a constant or a variable), then the method. */
  static final Pattern SUBMIT = Pattern.compile("submit\\((?:Kind\\.)?\\w+, \"([a-zA-Z0-9.]+)\"");

  static Set<String> calledMethods() {
    Set<String> methods = new TreeSet<>();
    Matcher m = SUBMIT.matcher(sources);
    while (m.find()) {
      methods.add(m.group(1));
    }
    if (sources.contains(".authTest(")) {
      methods.add("auth.test");
    }
    return methods;
  }

  @Test
  void everyCallGoesThroughTheOutboxUnderItsOwnName() {
    // Direct MethodsClient calls outside submit(...) would dodge retries and the scope check.
    Matcher direct = Pattern.compile("methods(?:\\(\\))?\\s*\\.(chat|files|usergroups|views)[A-Z]\\w*\\(").matcher(sources);
    int calls = 0;
    while (direct.find()) {
      calls++;
      int start = Math.max(0, direct.start() - 120);
      Matcher submit = SUBMIT.matcher(sources.substring(start, direct.start()));
      String named = null;
      while (submit.find()) {
        named = submit.group(1);
      }
      assertThat(named).as("call at " + direct.group() + " goes through submit(Kind…, \"method\", …)").isNotNull();
      String called = direct.group().replaceAll("^methods(\\(\\))?\\s*\\.|\\($", "");
      assertThat(named.replace(".", "")).as("the name " + direct.group() + " is submitted under")
          .isEqualToIgnoringCase(called);
    }
    assertThat(calls).as("Web API calls found in the sources").isPositive();
  }

  @Test
  void scopesAreExactlyThoseOfTheMethodsCalled() {
    Set<String> needed = new TreeSet<>();
    needed.add("commands");
    for (String method : calledMethods()) {
      assertThat(SCOPE_OF).as("scope of " + method + " (add it to SCOPE_OF and the manifest)").containsKey(method);
      if (!SCOPE_OF.get(method).isEmpty()) {
        needed.add(SCOPE_OF.get(method));
      }
    }
    Set<String> declared = new TreeSet<>();
    manifest.at("/oauth_config/scopes/bot").forEach(s -> declared.add(s.asText()));
    assertThat(declared).isEqualTo(needed);
  }

  @Test
  void theCommandIsTheOneTheCodeRegisters() {
    JsonNode commands = manifest.at("/features/slash_commands");
    assertThat(commands).hasSize(1);
    assertThat(commands.get(0).path("command").asText()).isEqualTo(SlackHandlers.COMMAND);
    assertThat(commands.get(0).path("url").asText()).endsWith("/slack/events");
    assertThat(commands.get(0).path("usage_hint").asText().length()).isLessThanOrEqualTo(1000);
  }

  @Test
  void eventsAndInteractivityReachSlackEvents() {
    assertThat(manifest.at("/settings/interactivity/is_enabled").asBoolean()).isTrue();
    assertThat(manifest.at("/settings/interactivity/request_url").asText()).endsWith("/slack/events");
    assertThat(manifest.at("/settings/event_subscriptions/request_url").asText()).endsWith("/slack/events");
    Set<String> registered = new TreeSet<>();
    Matcher m = Pattern.compile("app\\.event\\((\\w+)\\.class").matcher(sources);
    while (m.find()) {
      registered.add(EVENT_OF.get(m.group(1)));
    }
    Set<String> declared = new TreeSet<>();
    manifest.at("/settings/event_subscriptions/bot_events").forEach(e -> declared.add(e.asText()));
    assertThat(declared).isEqualTo(registered);
    assertThat(manifest.at("/features/app_home/home_tab_enabled").asBoolean())
        .isEqualTo(registered.contains("app_home_opened"));
  }
}
