package dev.dbtls.ide;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Collects the items of one request that match what is typed so far: a prefix first, then a
 * substring, then a subsequence (a superset of what editors filter by, so their own filtering keeps
 * working as the user types on). {@code sortText} = match rank, group, label.
 */
final class CompletionItems {
  private final String prefix;
  private final String lowerPrefix;
  private final int replaceStart;
  private final int replaceEnd;
  private final List<Pending> items = new ArrayList<>();

  /** Labels given so far, per kind (labels cache their hash: no key strings to build). */
  private final java.util.EnumMap<CompletionKind, Set<String>> seen =
      new java.util.EnumMap<>(CompletionKind.class);

  CompletionItems(String prefix, int replaceStart, int replaceEnd) {
    this.prefix = prefix;
    this.lowerPrefix = prefix.toLowerCase(Locale.ROOT);
    this.replaceStart = replaceStart;
    this.replaceEnd = replaceEnd;
  }

  String prefix() {
    return prefix;
  }

  /**
   * More items than any editor shows of one list: a source of names in list order ({@link
   * RefCompletion}) may stop once it has given more best matches than this.
   */
  static final int ENOUGH = 1000;

  /** Whether {@code label} matches what is typed (worth building an item for). */
  boolean matches(String label) {
    return rank(lower(label)) >= 0;
  }

  /** As {@link #matches}, of a label already lower-cased. */
  boolean matchesLower(String lower) {
    return rank(lower) >= 0;
  }

  /** Adds an item unless it does not match or one with the same label and kind is there. */
  void add(
      String label,
      CompletionKind kind,
      int group,
      String detail,
      String documentation,
      String insertText,
      boolean snippet) {
    if (matches(label) && seen.computeIfAbsent(kind, k -> new HashSet<>()).add(label)) {
      addDistinct(label, kind, group, detail, documentation, insertText, snippet);
    }
  }

  /** As {@link #add}, for a caller that never gives a label twice (10k model names: no set). */
  void addDistinct(
      String label,
      CompletionKind kind,
      int group,
      String detail,
      String documentation,
      String insertText,
      boolean snippet) {
    addDistinct(
        label, lower(label), kind, group, () -> detail, () -> documentation, insertText, snippet);
  }

  /**
   * As {@link #addDistinct}, with the label already lower-cased ({@link RefNames}) and the detail
   * and documentation made only when the item is built: of a project's 10,000 names only the first
   * few hundred in order are sent, and making each name's detail was most of a request's time.
   */
  void addDistinct(
      String label,
      String lower,
      CompletionKind kind,
      int group,
      Supplier<String> detail,
      Supplier<String> documentation,
      String insertText,
      boolean snippet) {
    int rank = rank(lower);
    if (rank >= 0) {
      items.add(
          new Pending(
              label,
              kind,
              rank,
              Math.min(group, 99),
              lower,
              detail,
              documentation,
              insertText,
              snippet));
    }
  }

  /**
   * The items in {@code sortText} order; each is built when it is first read (a list of which only
   * the first few hundred are sent builds only those).
   */
  List<CompletionItem> result() {
    Pending[] sorted = sorted();
    CompletionItem[] built = new CompletionItem[sorted.length];
    return new java.util.AbstractList<>() {
      @Override
      public CompletionItem get(int i) {
        CompletionItem item = built[i];
        if (item == null) {
          item = built[i] = sorted[i].build(replaceStart, replaceEnd);
        }
        return item;
      }

      @Override
      public int size() {
        return sorted.length;
      }
    };
  }

  /**
   * The items in {@link #ORDER}, stable: first by rank in one pass (a counting sort keeps each
   * rank's items in the order they came), then each rank's items by group and label only when they
   * did not come in that order. {@link RefNames} gives its 100,000 names in that order: sorting
   * them by all three keys at every request was a fifth of the request on 100k models.
   */
  private Pending[] sorted() {
    int[] start = new int[4];
    for (Pending p : items) {
      start[p.rank() + 1]++;
    }
    for (int r = 1; r < start.length; r++) {
      start[r] += start[r - 1];
    }
    Pending[] out = new Pending[items.size()];
    int[] next = start.clone();
    for (Pending p : items) {
      out[next[p.rank()]++] = p;
    }
    for (int r = 0; r < 3; r++) {
      for (int i = start[r] + 1; i < start[r + 1]; i++) {
        if (ORDER.compare(out[i - 1], out[i]) > 0) {
          Arrays.sort(out, start[r], start[r + 1], ORDER); // stable, as the order given
          break;
        }
      }
    }
    return out;
  }

  /**
   * {@code sortText}'s order (rank digit, two group digits, lower-cased label) without making it.
   */
  private static final java.util.Comparator<Pending> ORDER =
      (a, b) ->
          a.rank != b.rank
              ? Integer.compare(a.rank, b.rank)
              : a.group != b.group ? Integer.compare(a.group, b.group) : a.lower.compareTo(b.lower);

  /** An item as added: what its place in the list needs, and what builds the rest. */
  private record Pending(
      String label,
      CompletionKind kind,
      int rank,
      int group,
      String lower,
      Supplier<String> detail,
      Supplier<String> documentation,
      String insertText,
      boolean snippet) {
    CompletionItem build(int replaceStart, int replaceEnd) {
      String doc = documentation.get();
      String sort =
          new StringBuilder(lower.length() + 3)
              .append(rank)
              .append(group < 10 ? "0" : "")
              .append(group)
              .append(lower)
              .toString();
      return new CompletionItem(
          label,
          kind,
          detail.get(),
          doc == null || doc.isBlank() ? null : doc,
          insertText,
          snippet,
          replaceStart,
          replaceEnd,
          sort);
    }
  }

  /**
   * 0 prefix, 1 substring, 2 subsequence (all case-insensitive), -1 no match; of a label given
   * lower-cased (runs on every name of a large project: no copies, no per-character case tables).
   */
  int rank(String lower) {
    int n = lowerPrefix.length();
    if (n == 0 || lower.startsWith(lowerPrefix)) {
      return 0;
    }
    if (lower.indexOf(lowerPrefix, 1) > 0) {
      return 1;
    }
    int j = 0;
    for (int i = 0; i < lower.length() && j < n; i++) {
      if (lower.charAt(i) == lowerPrefix.charAt(j)) {
        j++;
      }
    }
    return j == n ? 2 : -1;
  }

  /** {@code s} lower-cased; itself (no copy, no table look-up) when it is lower-case ASCII. */
  static String lower(String s) {
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      if (ch >= 'A' && ch <= 'Z' || ch > 0x7F) {
        return s.toLowerCase(Locale.ROOT);
      }
    }
    return s;
  }
}
