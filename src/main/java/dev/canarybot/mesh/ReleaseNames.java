package dev.canarybot.mesh;

import java.util.Locale;

/** Names for CanaryRelease objects, which must be DNS-1123 labels. */
public final class ReleaseNames {
  private static final int MAX = 63;

  private ReleaseNames() {}

  /** The VirtualService's name, plus the route's when the VirtualService has several candidates. */
  public static String of(String virtualService, String route) {
    return sanitize(route == null ? virtualService : virtualService + "-" + route);
  }

  static String sanitize(String raw) {
    String name = raw.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]+", "-").replaceAll("-{2,}", "-");
    if (name.length() > MAX) {
      name = name.substring(0, MAX);
    }
    name = name.replaceAll("^-+", "").replaceAll("-+$", "");
    return name.isEmpty() ? "release" : name;
  }
}
