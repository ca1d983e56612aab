package dev.canarybot.demo;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The token of this start of the demo: random, printed once in the log with the page's URL, and
 * required by the page and its API, so only someone who can read this machine's console acts.
 */
@ApplicationScoped
public class DemoToken {
  private final String value;

  public DemoToken() {
    this(newValue());
  }

  DemoToken(String value) {
    this.value = value;
  }

  /** The token itself, for the start's printout and for tests; never put it in a response. */
  public String value() {
    return value;
  }

  /** Compares in constant time, so the answer's timing tells nothing about the token. */
  boolean matches(String presented) {
    return presented != null && MessageDigest.isEqual(value.getBytes(StandardCharsets.UTF_8),
        presented.getBytes(StandardCharsets.UTF_8));
  }

  private static String newValue() {
    byte[] bytes = new byte[24];
    new SecureRandom().nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
