package dev.canarybot.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The image never runs the demo, even started with the demo profile. Docker cannot run here, so
 * the Dockerfile's ENV lines are read and handed to SmallRye Config the way the container hands
 * them to the app: as environment variables (ordinal 300) and, through JAVA_OPTS_APPEND, system
 * properties (400), next to the jar's application.properties (250).
 */
class DemoImageTest {
  static final Path DOCKERFILE = Path.of("src/main/docker/Dockerfile.jvm");
  static final Path PROPERTIES = Path.of("src/main/resources/application.properties");
  static final Pattern ENV = Pattern.compile("ENV\\s+([A-Za-z_][A-Za-z0-9_]*)=(?:\"([^\"]*)\"|'([^']*)'|(\\S*))\\s*");

  static Map<String, String> imageEnvironment() throws Exception {
    Map<String, String> env = new LinkedHashMap<>();
    for (String line : Files.readAllLines(DOCKERFILE)) {
      if (line.startsWith("ENV ")) {
        Matcher m = ENV.matcher(line);
        assertThat(m.matches()).as("one KEY=value per ENV line, so this test reads them all: %s", line).isTrue();
        env.put(m.group(1), m.group(2) != null ? m.group(2) : m.group(3) != null ? m.group(3) : m.group(4));
      }
    }
    return env;
  }

  static Map<String, String> systemProperties(String javaOpts) {
    Map<String, String> props = new LinkedHashMap<>();
    for (String opt : javaOpts.trim().split("\\s+")) {
      if (opt.startsWith("-D") && opt.contains("=")) {
        props.put(opt.substring(2, opt.indexOf('=')), opt.substring(opt.indexOf('=') + 1));
      }
    }
    return props;
  }

  static SmallRyeConfig demoProfile(Map<String, String> env, Map<String, String> systemProperties) throws Exception {
    return new SmallRyeConfigBuilder().withProfile("demo")
        .withSources(new EnvConfigSource(env, 300))
        .withSources(new PropertiesConfigSource(systemProperties, "JAVA_OPTS_APPEND", 400))
        .withSources(new PropertiesConfigSource(PROPERTIES.toUri().toURL(), 250))
        .build();
  }

  @Test
  void theDemoProfileAloneWouldEnableTheDemo() throws Exception {
    // Without this the test below could pass for the wrong reason.
    assertThat(demoProfile(Map.of(), Map.of()).getValue("canary.demo.enabled", Boolean.class)).isTrue();
  }

  @Test
  void theImageKeepsTheDemoOffWithTheDemoProfile() throws Exception {
    Map<String, String> env = imageEnvironment();
    SmallRyeConfig image = demoProfile(env, systemProperties(env.getOrDefault("JAVA_OPTS_APPEND", "")));
    assertThat(image.getValue("canary.demo.enabled", Boolean.class)).isFalse();
    // And were it switched on, the demo would refuse the image's bind (DemoBindingTest).
    assertThat(image.getValue("quarkus.http.host", String.class)).isEqualTo("0.0.0.0");
  }

  @Test
  void anEnvironmentVariableOutranksTheDemoProfilesLoopbackBind() throws Exception {
    // Why the demo checks the bind itself: QUARKUS_HTTP_HOST=0.0.0.0 beats %demo.quarkus.http.host=127.0.0.1.
    assertThat(demoProfile(Map.of("QUARKUS_HTTP_HOST", "0.0.0.0"), Map.of()).getValue("quarkus.http.host", String.class))
        .isEqualTo("0.0.0.0");
    assertThat(demoProfile(Map.of(), Map.of()).getValue("quarkus.http.host", String.class)).isEqualTo("127.0.0.1");
  }
}
