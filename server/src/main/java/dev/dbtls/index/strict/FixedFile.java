package dev.dbtls.index.strict;

import dev.dbtls.index.compile.ProjectSnapshot;
import dev.dbtls.project.LineIndex;
import dev.dbtls.project.ProblemCode;
import dev.dbtls.project.Span;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A file with every safe fix of the strict spec applied ({@link #of}): the fixes of one round that
 * do not overlap are applied together, then the file is checked again, until no fix is left or
 * {@value #MAX_ROUNDS} rounds have run (a fix may reveal another: a key moved under {@code config:}
 * that was written twice).
 *
 * @param text the fixed text ({@code text} itself when nothing applied)
 * @param applied how many fixes of each code were applied
 */
public record FixedFile(String text, Map<ProblemCode, Integer> applied) {
  static final int MAX_ROUNDS = 10;

  public boolean changed() {
    return !applied.isEmpty();
  }

  /** {@code text} of {@code displayPath} with every safe fix applied. */
  public static FixedFile of(ProjectSnapshot snapshot, String displayPath, String text) {
    return of((path, t) -> StrictSpec.of(snapshot, path, t), displayPath, text);
  }

  /** {@code text} of {@code displayPath} with every safe fix that {@code strict} offers applied. */
  public static FixedFile of(StrictSpec.FileChecker strict, String displayPath, String text) {
    Map<ProblemCode, Integer> applied = new LinkedHashMap<>();
    String t = text;
    for (int round = 0; round < MAX_ROUNDS; round++) {
      List<Deprecation> found = strict.of(displayPath, t);
      List<Edit> chosen = new ArrayList<>();
      for (Deprecation d : found) {
        if (d.fixable() && d.fix().stream().noneMatch(e -> overlapsAny(e, chosen))) {
          chosen.addAll(d.fix());
          applied.merge(d.problem().code(), 1, Integer::sum);
        }
      }
      if (chosen.isEmpty()) {
        break;
      }
      String next = apply(t, chosen);
      if (next.equals(t)) {
        break;
      }
      t = next;
    }
    return new FixedFile(t, Map.copyOf(applied));
  }

  /**
   * {@code text} with {@code edits} applied together: each range is of the original text, and they
   * do not overlap (two inserts at one place go in the order given).
   */
  public static String apply(String text, List<Edit> edits) {
    LineIndex lines = new LineIndex(text);
    record At(int start, int end, int order, String text) {}
    List<At> at = new ArrayList<>();
    for (int i = 0; i < edits.size(); i++) {
      Edit e = edits.get(i);
      int start = lines.offset(e.range().startLine(), e.range().startColumn());
      int end = Math.max(start, lines.offset(e.range().endLine(), e.range().endColumn()));
      at.add(new At(start, end, i, e.text()));
    }
    at.sort(Comparator.comparingInt(At::start).thenComparingInt(At::order));
    StringBuilder sb = new StringBuilder(text.length());
    int pos = 0;
    for (At a : at) {
      int start = Math.max(a.start(), pos);
      sb.append(text, pos, start).append(a.text());
      pos = Math.max(pos, a.end());
    }
    sb.append(text, Math.min(pos, text.length()), text.length());
    return sb.toString();
  }

  private static boolean overlapsAny(Edit e, List<Edit> chosen) {
    for (Edit c : chosen) {
      if (before(e.range(), c.range()) || before(c.range(), e.range())) {
        continue;
      }
      return true;
    }
    return false;
  }

  /** Whether {@code a} ends at or before {@code b} starts (touching ranges do not overlap). */
  private static boolean before(Span a, Span b) {
    return a.endLine() < b.startLine()
        || a.endLine() == b.startLine() && a.endColumn() <= b.startColumn();
  }
}
