package dev.dbtls.ide;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

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
  private final List<CompletionItem> items = new ArrayList<>();

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

  /** Whether {@code label} matches what is typed (worth building an item for). */
  boolean matches(String label) {
    return rank(label) >= 0;
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
    if (rank(label) >= 0 && seen.computeIfAbsent(kind, k -> new HashSet<>()).add(label)) {
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
    int rank = rank(label);
    if (rank < 0) {
      return;
    }
    int g = Math.min(group, 99);
    String sort =
        new StringBuilder(label.length() + 3)
            .append(rank)
            .append(g < 10 ? "0" : "")
            .append(g)
            .append(lower(label))
            .toString();
    items.add(
        new CompletionItem(
            label,
            kind,
            detail,
            documentation == null || documentation.isBlank() ? null : documentation,
            insertText,
            snippet,
            replaceStart,
            replaceEnd,
            sort));
  }

  List<CompletionItem> result() {
    items.sort(java.util.Comparator.comparing(CompletionItem::sortText));
    return List.copyOf(items);
  }

  /** 0 prefix, 1 substring, 2 subsequence (all case-insensitive), -1 no match. */
  private int rank(String label) {
    int n = prefix.length();
    if (n == 0 || label.regionMatches(true, 0, prefix, 0, n)) {
      return 0;
    }
    // no lower-cased copies: this runs on every name of a large project
    for (int i = 1; i + n <= label.length(); i++) {
      if (label.regionMatches(true, i, prefix, 0, n)) {
        return 1;
      }
    }
    int j = 0;
    for (int i = 0; i < label.length() && j < n; i++) {
      if (Character.toLowerCase(label.charAt(i)) == lowerPrefix.charAt(j)) {
        j++;
      }
    }
    return j == n ? 2 : -1;
  }

  private static String lower(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (Character.isUpperCase(s.charAt(i))) {
        return s.toLowerCase(Locale.ROOT);
      }
    }
    return s;
  }
}
