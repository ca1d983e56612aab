package dev.canarybot.slack.command;

import java.util.Collection;
import java.util.Optional;

/** Finds the word a person probably meant ("promot" -> "promote", "lsit" -> "list"). */
final class Suggestions {

  private Suggestions() {
  }

  /** The closest candidate within a small edit distance, or a unique candidate it starts. */
  static Optional<String> closest(String typed, Collection<String> candidates) {
    String word = typed.toLowerCase(java.util.Locale.ROOT);
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : candidates) {
      int distance = distance(word, candidate);
      if (distance < bestDistance) {
        best = candidate;
        bestDistance = distance;
      }
    }
    // Two edits are a typo in a long word but a different word in a short one.
    int allowed = Math.min(2, Math.max(1, word.length() / 3));
    if (best != null && bestDistance <= allowed) {
      return Optional.of(best);
    }
    return uniquePrefixMatch(word, candidates);
  }

  private static Optional<String> uniquePrefixMatch(String word, Collection<String> candidates) {
    if (word.length() < 2) {
      return Optional.empty();
    }
    String match = null;
    for (String candidate : candidates) {
      if (candidate.startsWith(word)) {
        if (match != null) {
          return Optional.empty();
        }
        match = candidate;
      }
    }
    return Optional.ofNullable(match);
  }

  /** Optimal string alignment distance: Levenshtein plus swaps of neighbours ("lsit"). */
  static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2)
            && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }
}
