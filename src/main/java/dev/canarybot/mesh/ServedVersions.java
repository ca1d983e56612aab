package dev.canarybot.mesh;

import java.util.List;

/**
 * What the API server answered for {@code /apis/<group>}: the versions it serves, in its order of
 * priority, and the one it prefers.
 *
 * @param preferred {@code null} when the answer names none
 */
public record ServedVersions(String group, List<String> versions, String preferred) {

  public ServedVersions {
    versions = List.copyOf(versions);
  }

  /** The API server does not serve the group at all (its CRDs are not installed). */
  public static ServedVersions none(String group) {
    return new ServedVersions(group, List.of(), null);
  }

  public boolean served() {
    return !versions.isEmpty();
  }

  /** "v1, v1beta1 (preferred v1)" — what a person needs to see to pin one. */
  public String describe() {
    if (!served()) {
      return "no version of " + group;
    }
    return String.join(", ", versions) + (preferred == null ? "" : " (preferred " + preferred + ")");
  }
}
