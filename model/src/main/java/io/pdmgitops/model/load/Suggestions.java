package io.pdmgitops.model.load;

import java.util.Collection;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;

/** "Did you mean ...?" for misspelt field names, enum values and references. */
public final class Suggestions {
  private Suggestions() {}

  /** The candidate closest to the input, if it is close enough to be a likely typo. */
  public static Optional<String> closest(String input, Collection<String> candidates) {
    String needle = input.toLowerCase(Locale.ROOT);
    int allowed = Math.max(1, Math.min(3, needle.length() / 3));
    return candidates.stream()
        .filter(c -> isWithin(needle, c.toLowerCase(Locale.ROOT), allowed))
        .min(Comparator.comparingInt(c -> distance(needle, c.toLowerCase(Locale.ROOT))));
  }

  /**
   * The distance is at least the difference in length: checking that first keeps a
   * 100,000-character value from costing a 100,000-row table per candidate.
   */
  private static boolean isWithin(String a, String b, int allowed) {
    return Math.abs(a.length() - b.length()) <= allowed && distance(a, b) <= allowed;
  }

  /** "did you mean 'x'?" or, failing that, the full list. */
  public static String hint(String input, Collection<String> candidates, String listIntro) {
    return closest(input, candidates)
        .map(c -> "did you mean '" + c + "'?")
        .orElseGet(() -> listIntro + String.join(", ", candidates));
  }

  /** Optimal string alignment distance: Levenshtein plus adjacent transpositions. */
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
        if (i > 1
            && j > 1
            && a.charAt(i - 1) == b.charAt(j - 2)
            && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }
}
