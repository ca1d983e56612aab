package dev.canarybot.release;

import java.util.regex.Pattern;

/**
 * Kubernetes name rules. Names reach API paths, PromQL and messages, and they come from people
 * and from hand-edited objects alike, so they are checked wherever they enter.
 */
public final class Names {
  /** DNS-1123 label: namespaces, DestinationRule subsets. */
  private static final Pattern LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
  /** DNS-1123 subdomain: object names and host names. */
  private static final Pattern SUBDOMAIN =
      Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
  /** Istio's route names are free-form; these characters are all a message or a query needs. */
  private static final Pattern ROUTE = Pattern.compile("[A-Za-z0-9._-]{1,253}");

  private Names() {}

  public static boolean isLabel(String name) {
    return name != null && name.length() <= 63 && LABEL.matcher(name).matches();
  }

  public static boolean isSubdomain(String name) {
    return name != null && name.length() <= 253 && SUBDOMAIN.matcher(name).matches();
  }

  public static boolean isRouteName(String name) {
    return name != null && ROUTE.matcher(name).matches();
  }

  /** Empty when every field of the target is a valid name, else what is wrong with the first. */
  public static String problemWith(ReleaseTarget t) {
    if (!isLabel(t.namespace())) {
      return "namespace " + shown(t.namespace()) + " is not a DNS-1123 label";
    }
    String[][] subdomains = {{"virtualService", t.virtualService()}, {"host", t.host()},
        {"stableWorkload", t.stableWorkload()}, {"canaryWorkload", t.canaryWorkload()}};
    for (String[] field : subdomains) {
      if (!isSubdomain(field[1])) {
        return field[0] + " " + shown(field[1]) + " is not a DNS-1123 name";
      }
    }
    if (!isLabel(t.stableSubset()) || !isLabel(t.canarySubset())) {
      return "subsets " + shown(t.stableSubset()) + "/" + shown(t.canarySubset())
          + " are not DNS-1123 labels";
    }
    if (t.route() != null && !isRouteName(t.route())) {
      return "route " + shown(t.route()) + " is not a route name (letters, digits, '.', '_', '-')";
    }
    return "";
  }

  /** A name as a message may quote it: short, and without what could end the quote. */
  private static String shown(String name) {
    if (name == null) {
      return "(none)";
    }
    String clean = name.replaceAll("[^\\x20-\\x7e]", "?").replace('"', '\'');
    return "\"" + (clean.length() > 64 ? clean.substring(0, 64) + "…" : clean) + "\"";
  }
}
