package dev.dbtls.index;

import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;

/** The closest known name to a misspelt one, when it is close enough to be a typo. */
public final class DidYouMean {
  private DidYouMean() {}

  /**
   * The closest name within a third of {@code wrong}'s length (at least 2 edits), ties by name;
   * through {@link #candidates}' filters (a ref to an unknown model measured the full distance to
   * each of 10,000 names at every edit).
   */
  public static Optional<String> closest(String wrong, Collection<String> known) {
    if (known.contains(wrong)) {
      return Optional.of(wrong); // distance 0, which candidates leave out
    }
    return candidates(wrong, known, 1).stream().findFirst();
  }

  /**
   * Up to {@code max} known names close enough to {@code wrong} to be what was meant: closest
   * first, then by name. The first is {@link #closest}'s answer.
   */
  public static java.util.List<String> candidates(String wrong, Collection<String> known, int max) {
    int limit = Math.max(2, wrong.length() / 3);
    java.util.List<Object[]> close = new java.util.ArrayList<>();
    int[] wrongCounts = counts(wrong);
    if (known instanceof java.util.Set<String> set
        && set.size() >= MANY
        && READ_ONLY.isInstance(set)) {
      Names names = Names.of(set);
      long mask = mask(wrong);
      for (int i = 0; i < names.all.length; i++) {
        // each edit adds or takes away at most two of the characters that occur: a bound as cheap
        // as a comparison, from what the names' set holds for the edits after it
        if (Math.abs(names.lengths[i] - wrong.length()) <= limit
            && Long.bitCount(names.masks[i] ^ mask) <= 2 * limit) {
          consider(wrong, names.all[i], limit, wrongCounts, close);
        }
      }
    } else {
      for (String k :
          known instanceof java.util.Set<?> ? known : new java.util.LinkedHashSet<>(known)) {
        if (Math.abs(k.length() - wrong.length()) <= limit) {
          consider(wrong, k, limit, wrongCounts, close);
        }
      }
    }
    return close.stream()
        .sorted(
            Comparator.comparingInt((Object[] p) -> (int) p[1]).thenComparing(p -> (String) p[0]))
        .limit(max)
        .map(p -> (String) p[0])
        .toList();
  }

  /** Adds {@code k} to {@code close} when it is within {@code limit} of {@code wrong}. */
  private static void consider(
      String wrong, String k, int limit, int[] wrongCounts, java.util.List<Object[]> close) {
    if (!k.equals(wrong) && countsBound(wrongCounts, wrong.length(), k) <= limit) {
      int d = distanceAtMost(wrong, k, limit);
      if (d <= limit) {
        close.add(new Object[] {k, d});
      }
    }
  }

  /**
   * A read-only set of this many names or more has them kept with their lengths and characters
   * ({@link Names}): on 100,000 models, filtering every name again was most of the relink of an
   * edit that left a ref unknown.
   */
  static final int MANY = 2048;

  /** Which characters occur in {@code s}, folded into 64 bits (a fold only lowers the bound). */
  private static long mask(String s) {
    long m = 0;
    for (int i = 0; i < s.length(); i++) {
      m |= 1L << (s.charAt(i) & 63);
    }
    return m;
  }

  /**
   * The read-only view of a set ({@link java.util.Collections#unmodifiableSet}): the sets whose
   * {@link Names} are kept are a manifest's, read-only views of maps no one changes.
   */
  private static final Class<?> READ_ONLY =
      java.util.Collections.unmodifiableSet(new java.util.HashSet<>()).getClass();

  /**
   * A set's names with their lengths and {@link #mask}s, in its order, for the last few sets met
   * (the sets held weakly): an edit's manifest has the names of the manifest before ({@link
   * EditedMap#keySet}), so only a full build works them out again.
   */
  private static final class Names {
    private static final int SLOTS = 4;

    private static final Names[] RECENT = new Names[SLOTS];

    private final java.lang.ref.WeakReference<java.util.Set<String>> of;
    private final String[] all;
    private final int[] lengths;
    private final long[] masks;

    private Names(java.util.Set<String> set) {
      this.of = new java.lang.ref.WeakReference<>(set);
      this.all = set.toArray(new String[0]);
      this.lengths = new int[all.length];
      this.masks = new long[all.length];
      for (int i = 0; i < all.length; i++) {
        lengths[i] = all[i].length();
        masks[i] = mask(all[i]);
      }
    }

    static synchronized Names of(java.util.Set<String> set) {
      for (Names n : RECENT) {
        if (n != null && n.of.get() == set) {
          return n;
        }
      }
      Names n = new Names(set);
      int slot = Math.floorMod(System.identityHashCode(set), SLOTS);
      for (int i = 0; i < SLOTS; i++) {
        if (RECENT[i] == null || RECENT[i].of.get() == null) {
          slot = i; // one whose set is gone
          break;
        }
      }
      RECENT[slot] = n;
      return n;
    }
  }

  private static int[] counts(String s) {
    int[] c = new int[128];
    for (int i = 0; i < s.length(); i++) {
      c[s.charAt(i) & 127]++;
    }
    return c;
  }

  /**
   * A lower bound of the edit distance from character counts alone (each edit changes the counts of
   * at most two characters by one): linear, so it filters before the quadratic distance. {@code
   * counts} is used as scratch and restored.
   */
  private static int countsBound(int[] counts, int wrongLength, String k) {
    int excess = 0; // characters of k beyond what wrong has
    for (int i = 0; i < k.length(); i++) {
      if (--counts[k.charAt(i) & 127] < 0) {
        excess++;
      }
    }
    int missing = wrongLength - (k.length() - excess); // characters of wrong that k lacks
    for (int i = 0; i < k.length(); i++) {
      counts[k.charAt(i) & 127]++;
    }
    return Math.max(excess, missing);
  }

  /**
   * {@link #distance} computed only within {@code limit} of the diagonal, or {@code limit + 1} as
   * soon as it must be more than {@code limit}.
   */
  static int distanceAtMost(String a, String b, int limit) {
    int big = limit + 1;
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j <= limit ? j : big;
    }
    for (int i = 1; i <= a.length(); i++) {
      int lo = Math.max(1, i - limit);
      int hi = Math.min(b.length(), i + limit);
      java.util.Arrays.fill(cur, big);
      cur[0] = i <= limit ? i : big;
      int rowMin = cur[0];
      for (int j = lo; j <= hi; j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(big, Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost));
        rowMin = Math.min(rowMin, cur[j]);
      }
      if (rowMin > limit) {
        return big;
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return Math.min(big, prev[b.length()]);
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
