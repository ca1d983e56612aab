package dev.canarybot.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Every setting the code reads, from the {@code @ConfigMapping} interfaces found in the
 * compiled classes: key, environment variable and default. Nested groups become dotted keys
 * and maps a {@code <name>} segment, as SmallRye reads them.
 */
final class ConfigKeys {
  record Key(String key, String env, String defaultValue) {}

  private ConfigKeys() {}

  static List<Class<?>> mappings() {
    List<Class<?>> found = new ArrayList<>();
    Path classes = Path.of("target", "classes");
    try (Stream<Path> files = Files.walk(classes)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".class")).sorted().toList()) {
        String name = classes.relativize(f).toString().replace('/', '.').replaceAll("\\.class$", "");
        Class<?> c = Class.forName(name, false, ConfigKeys.class.getClassLoader());
        if (c.isInterface() && c.isAnnotationPresent(ConfigMapping.class)) {
          found.add(c);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (ClassNotFoundException e) {
      throw new AssertionError(e);
    }
    return found;
  }

  static List<Key> all() {
    List<Key> keys = new ArrayList<>();
    for (Class<?> mapping : mappings()) {
      collect(mapping.getAnnotation(ConfigMapping.class).prefix(), mapping, keys);
    }
    keys.sort(Comparator.comparing(Key::key));
    return keys;
  }

  private static void collect(String prefix, Class<?> type, List<Key> keys) {
    for (Method m : type.getMethods()) {
      if (m.getParameterCount() > 0 || Modifier.isStatic(m.getModifiers()) || m.isDefault()) {
        continue;
      }
      String key = prefix + "." + kebab(m.getName());
      Class<?> ret = m.getReturnType();
      if (ret.isInterface() && ret.getEnclosingClass() == type && !ret.equals(Optional.class)) {
        collect(key, ret, keys);
        continue;
      }
      if (Map.class.isAssignableFrom(ret)) {
        key = key + ".<name>";
        // A map of groups (canary.checks.<name>.query) lists the group's keys under <name>.
        if (m.getGenericReturnType() instanceof java.lang.reflect.ParameterizedType p
            && p.getActualTypeArguments()[1] instanceof Class<?> value
            && value.isInterface() && value.getEnclosingClass() == type) {
          collect(key, value, keys);
          continue;
        }
      }
      WithDefault d = m.getAnnotation(WithDefault.class);
      keys.add(new Key(key, env(key), d == null ? null : d.value()));
    }
  }

  static String kebab(String camel) {
    return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase();
  }

  /** SmallRye's environment name: upper case, every other character an underscore. */
  static String env(String key) {
    return key.replace("<name>", "<NAME>").toUpperCase().replaceAll("[^A-Z0-9<>]", "_");
  }
}
