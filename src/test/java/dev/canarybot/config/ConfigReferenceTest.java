package dev.canarybot.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canarybot.metrics.QueryTemplates;
import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The README's configuration table matches the {@code @ConfigMapping} interfaces: the same keys,
 * each with its environment variable and its {@code @WithDefault}. The meaning column is written
 * by hand (Javadoc is gone at runtime) but must not be empty.
 */
class ConfigReferenceTest {
  /** Defaults too long for a table cell are named by their constant in {@link QueryTemplates}. */
  static final int LONG = 60;

  record Row(String key, String env, String defaultValue, String meaning) {}

  static Map<String, Row> readmeRows() throws IOException {
    Map<String, Row> rows = new LinkedHashMap<>();
    boolean inSection = false;
    for (String line : Files.readAllLines(Path.of("README.md"))) {
      if (line.startsWith("## ")) {
        inSection = line.equals("## Configuration");
      }
      if (!inSection || !line.startsWith("| `")) {
        continue;
      }
      String[] cells = line.substring(1, line.length() - 1).split(" \\| ", -1);
      String key = unquote(cells[0]);
      rows.put(key, new Row(key, cells[1].trim(), cells[2].trim(), cells[3].trim()));
    }
    return rows;
  }

  static String unquote(String cell) {
    return cell.trim().replaceAll("^`|`$", "");
  }

  @Test
  void everySettingHasARowAndEveryRowASetting() throws IOException {
    Map<String, Row> rows = readmeRows();
    List<ConfigKeys.Key> keys = ConfigKeys.all();
    assertThat(rows.keySet())
        .as("README configuration keys; expected rows:\n" + keys.stream()
            .map(k -> "| `" + k.key() + "` | `" + k.env() + "` | " + shown(k.defaultValue()) + " | |")
            .collect(Collectors.joining("\n")))
        .containsExactlyInAnyOrderElementsOf(keys.stream().map(ConfigKeys.Key::key).toList());
  }

  @Test
  void eachRowNamesItsEnvironmentVariableDefaultAndMeaning() throws Exception {
    Map<String, Row> rows = readmeRows();
    for (ConfigKeys.Key k : ConfigKeys.all()) {
      Row row = rows.get(k.key());
      if (row == null) {
        continue; // reported by the test above
      }
      assertThat(row.env()).as(k.key() + " env var").contains("`" + k.env() + "`");
      assertThat(row.meaning()).as(k.key() + " meaning").isNotBlank();
      String d = k.defaultValue();
      if (d == null) {
        assertThat(row.defaultValue()).as(k.key() + " has no default").isEqualTo("—");
      } else if (d.length() > LONG) {
        String constant = row.defaultValue().replaceAll("^`QueryTemplates\\.|`$", "");
        Field f = QueryTemplates.class.getField(constant);
        assertThat(f.get(null)).as(k.key() + " default " + row.defaultValue()).isEqualTo(d);
      } else {
        assertThat(row.defaultValue()).as(k.key() + " default").isEqualTo("`" + d + "`");
      }
    }
  }

  @Test
  void theManifestsConfigMapSetsOnlyKnownSettings() throws IOException {
    List<String> envs = ConfigKeys.all().stream().map(ConfigKeys.Key::env).toList();
    String configMap = Files.readString(Path.of("manifests", "base", "configmap.yaml"));
    List<String> set = configMap.lines().filter(l -> l.matches("^  [A-Z_]+:.*"))
        .map(l -> l.trim().substring(0, l.trim().indexOf(':'))).toList();
    assertThat(set).isNotEmpty();
    // PROMETHEUS_URL is the documented alias of CANARY_PROMETHEUS_URL (application.properties).
    assertThat(set).allSatisfy(e -> assertThat(envs).as("ConfigMap key " + e).contains(e.equals("PROMETHEUS_URL") ? "CANARY_PROMETHEUS_URL" : e));
  }

  static String shown(String d) {
    return d == null ? "—" : d.length() > LONG ? "`QueryTemplates.?`" : "`" + d + "`";
  }
}
