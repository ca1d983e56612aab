package dev.canarybot.slack.command;

import java.util.regex.Pattern;

/**
 * Kubernetes name rules, checked before anything reaches the cluster so a typo gets a clear
 * answer instead of an API error.
 */
final class KubernetesNames {

  /** DNS-1123 label: namespaces and DestinationRule subsets. */
  private static final Pattern LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
  /** DNS-1123 subdomain: object names such as VirtualServices and CanaryReleases. */
  private static final Pattern SUBDOMAIN =
      Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");

  private KubernetesNames() {
  }

  static String objectName(String what, String name) {
    if (name.length() > 253 || !SUBDOMAIN.matcher(name).matches()) {
      throw new UsageProblem(UsageProblem.shown(name) + " is not a valid " + what
          + ": Kubernetes names (DNS-1123) use lowercase letters, digits, '-' and '.', "
          + "start and end with a letter or digit, and have at most 253 characters.");
    }
    return name;
  }

  static String label(String what, String name) {
    if (name.length() > 63 || !LABEL.matcher(name).matches()) {
      throw new UsageProblem(UsageProblem.shown(name) + " is not a valid " + what
          + ": it must be a DNS-1123 label (lowercase letters, digits and '-', "
          + "starting and ending with a letter or digit, at most 63 characters).");
    }
    return name;
  }
}
