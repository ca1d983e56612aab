package dev.canarybot.demo.workloads;

import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * Pod names as a Deployment's pods have them, {@code <deployment>-<pod-template-hash>-<suffix>}:
 * the hash is FNV-1a of the template, spelled in Kubernetes' vowel-free alphabet (so it never
 * spells a word), and the suffix five random letters of it.
 */
public final class PodNames {
  /** Kubernetes' {@code rand.SafeEncodeString} alphabet. */
  static final String ALPHABET = "bcdfghjklmnpqrstvwxz2456789";
  private static final KubernetesSerialization JSON = new KubernetesSerialization();

  private final RandomGenerator random;

  public PodNames(RandomGenerator random) {
    this.random = random;
  }

  /** The {@code pod-template-hash} of a template: the same template always gives the same hash. */
  public static String templateHash(PodTemplateSpec template) {
    int hash = 0x811c9dc5;
    for (byte b : JSON.asJson(template).getBytes(StandardCharsets.UTF_8)) {
      hash ^= b & 0xff;
      hash *= 0x01000193;
    }
    return encode(Integer.toUnsignedString(hash));
  }

  /** A name for a new pod of {@code deployment} that none of {@code taken} has. */
  public String next(String deployment, String templateHash, Set<String> taken) {
    while (true) {
      StringBuilder suffix = new StringBuilder();
      for (int i = 0; i < 5; i++) {
        suffix.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
      }
      String name = deployment + "-" + templateHash + "-" + suffix;
      if (!taken.contains(name)) {
        return name;
      }
    }
  }

  static String encode(String text) {
    StringBuilder out = new StringBuilder();
    for (byte b : text.getBytes(StandardCharsets.US_ASCII)) {
      out.append(ALPHABET.charAt((b & 0xff) % ALPHABET.length()));
    }
    return out.toString();
  }
}
