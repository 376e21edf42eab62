package dev.dbtls.index;

import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;

/** The closest known name to a misspelt one, when it is close enough to be a typo. */
public final class DidYouMean {
  private DidYouMean() {}

  public static Optional<String> closest(String wrong, Collection<String> known) {
    int limit = Math.max(2, wrong.length() / 3);
    return known.stream()
        .map(k -> new Object[] {k, distance(wrong, k)})
        .filter(p -> (int) p[1] <= limit)
        .min(Comparator.comparingInt((Object[] p) -> (int) p[1]).thenComparing(p -> (String) p[0]))
        .map(p -> (String) p[0]);
  }

  /**
   * Up to {@code max} known names close enough to {@code wrong} to be what was meant: closest
   * first, then by name. The first is {@link #closest}'s answer.
   */
  public static java.util.List<String> candidates(String wrong, Collection<String> known, int max) {
    int limit = Math.max(2, wrong.length() / 3);
    return known.stream()
        .distinct()
        .map(k -> new Object[] {k, distance(wrong, k)})
        .filter(p -> (int) p[1] <= limit && !wrong.equals(p[0]))
        .sorted(Comparator.comparingInt((Object[] p) -> (int) p[1]).thenComparing(p -> (String) p[0]))
        .limit(max)
        .map(p -> (String) p[0])
        .toList();
  }

  public static String suffix(String wrong, Collection<String> known) {
    return closest(wrong, known).map(s -> "; did you mean '" + s + "'?").orElse("");
  }

  static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }
}
