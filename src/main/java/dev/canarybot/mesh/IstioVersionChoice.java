package dev.canarybot.mesh;

import dev.canarybot.service.port.TargetException;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Decides which {@code networking.istio.io} version the bot uses for each kind: the one a setting
 * pins, as written and without asking, else the one the API server prefers. A real API server
 * converts between the versions it serves, so a VirtualService written as v1beta1 is read and
 * written as v1 there; fabric8's CRUD mock cannot, so the demo and the tests pin the version
 * their manifests are written in.
 */
public final class IstioVersionChoice {
  public static final String GROUP = "networking.istio.io";
  public static final String VIRTUAL_SERVICE_SETTING = "canary.mesh.virtual-service-api-version";
  public static final String DESTINATION_RULE_SETTING = "canary.mesh.destination-rule-api-version";

  /** The versions whose VirtualService and DestinationRule fields the bot knows; they are the same. */
  static final List<String> KNOWN = List.of("v1", "v1beta1", "v1alpha3");

  private static final Pattern VERSION = Pattern.compile("v[1-9][0-9]*((alpha|beta)[1-9][0-9]*)?");

  private IstioVersionChoice() {}

  /**
   * Both kinds' versions. {@code served} is asked at most once, and only when a kind is not pinned.
   *
   * @throws IllegalArgumentException when a pin is not {@code networking.istio.io/<version>}
   * @throws TargetException when the API server serves no version the bot knows
   */
  public static IstioApiVersions choose(
      Optional<String> virtualServicePin, Optional<String> destinationRulePin, Supplier<ServedVersions> served) {
    IstioApiVersion vsPinned = pinned(VIRTUAL_SERVICE_SETTING, virtualServicePin);
    IstioApiVersion drPinned = pinned(DESTINATION_RULE_SETTING, destinationRulePin);
    if (vsPinned != null && drPinned != null) {
      return new IstioApiVersions(vsPinned, drPinned);
    }
    IstioApiVersion discovered = discovered(served.get());
    return new IstioApiVersions(vsPinned != null ? vsPinned : discovered, drPinned != null ? drPinned : discovered);
  }

  private static IstioApiVersion pinned(String setting, Optional<String> pin) {
    if (pin.isEmpty()) {
      return null;
    }
    String value = pin.get().trim();
    int slash = value.indexOf('/');
    if (slash < 0 || !value.substring(0, slash).equals(GROUP) || !VERSION.matcher(value.substring(slash + 1)).matches()) {
      throw new IllegalArgumentException(setting + " is \"" + pin.get() + "\"; write it as " + GROUP
          + "/<version>, e.g. " + GROUP + "/v1, or unset it to use the version the API server prefers");
    }
    return new IstioApiVersion(value, "pinned by " + setting);
  }

  /** The preferred version when the bot knows it, else the first known one the server lists. */
  static IstioApiVersion discovered(ServedVersions served) {
    if (!served.served()) {
      throw new TargetException("the Kubernetes API serves no " + GROUP + " API group, so there are no "
          + "VirtualServices to work on; is Istio installed? (" + VIRTUAL_SERVICE_SETTING
          + " pins a version without asking)");
    }
    if (served.preferred() != null && served.versions().contains(served.preferred())
        && KNOWN.contains(served.preferred())) {
      return new IstioApiVersion(GROUP + "/" + served.preferred(),
          "the API server's preferred version; it serves " + String.join(", ", served.versions()));
    }
    String known = served.versions().stream().filter(KNOWN::contains).findFirst()
        .orElseThrow(() -> new TargetException("the Kubernetes API serves " + GROUP + " only as "
            + served.describe() + ", none of which canary-bot knows (" + String.join(", ", KNOWN)
            + "); pin one with " + VIRTUAL_SERVICE_SETTING + " and " + DESTINATION_RULE_SETTING
            + " if its VirtualServices are written as in those"));
    return new IstioApiVersion(GROUP + "/" + known, "the first version the API server lists that canary-bot"
        + " knows; it serves " + served.describe());
  }
}
