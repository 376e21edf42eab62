package dev.dbtls.ide;

import dev.dbtls.index.Manifest;
import dev.dbtls.index.Node;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * A snapshot's ref-able names in the order {@code ref('} completion lists them when nothing is
 * typed: the root project's first, then by lower-cased name. Made once per snapshot ({@link
 * SnapshotData}), so a request on 10,000 names only filters them, in an order a stable sort keeps.
 */
final class RefNames {
  /** One name: its nodes, its lower-cased form, and whether the root project defines it. */
  record Name(String name, String lower, List<Node> nodes, int group) {}

  private final List<Name> names;

  private RefNames(List<Name> names) {
    this.names = names;
  }

  static RefNames of(Manifest manifest, String rootProject) {
    List<Name> out = new ArrayList<>(manifest.refableByName().size());
    for (Map.Entry<String, List<Node>> e : manifest.refableByName().entrySet()) {
      boolean root = e.getValue().stream().anyMatch(n -> n.packageName().equals(rootProject));
      out.add(new Name(e.getKey(), CompletionItems.lower(e.getKey()), e.getValue(), root ? 0 : 1));
    }
    out.sort(Comparator.comparingInt(Name::group).thenComparing(Name::lower));
    return new RefNames(List.copyOf(out));
  }

  List<Name> inOrder() {
    return names;
  }

  /**
   * Where the root project's names that start with {@code lowerPrefix} are in {@link #inOrder}:
   * {@code [from, to)}, found by binary search (they are next to each other there).
   */
  int[] rootStartingWith(String lowerPrefix) {
    int rootEnd = firstAtLeast(0, names.size(), n -> n.group() > 0);
    int from = firstAtLeast(0, rootEnd, n -> n.lower().compareTo(lowerPrefix) >= 0);
    String after = lowerPrefix + Character.MAX_VALUE;
    int to = firstAtLeast(from, rootEnd, n -> n.lower().compareTo(after) >= 0);
    return new int[] {from, to};
  }

  /** The first index in [from, to) whose name passes {@code test} (false, then true, in order). */
  private int firstAtLeast(int from, int to, java.util.function.Predicate<Name> test) {
    int lo = from;
    int hi = to;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (test.test(names.get(mid))) {
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    return lo;
  }
}
