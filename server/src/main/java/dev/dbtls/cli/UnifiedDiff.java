package dev.dbtls.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * A unified diff of two texts, as {@code diff -u} and {@code git diff} print it ({@code --- a/x},
 * {@code +++ b/x}, {@code @@ -l,n +l,n @@} hunks with three lines of context), from a longest
 * common subsequence of lines. For {@code dbtls fix --dry-run}: the files it compares are project
 * files, where the quadratic table is small; a file of more than {@value #MAX_LINES} lines is shown
 * as one hunk.
 */
final class UnifiedDiff {
  private static final int CONTEXT = 3;
  static final int MAX_LINES = 20_000;

  private UnifiedDiff() {}

  /** The diff of {@code before} and {@code after} of {@code path}; empty when they are equal. */
  static String of(String path, String before, String after) {
    if (before.equals(after)) {
      return "";
    }
    List<String> a = lines(before);
    List<String> b = lines(after);
    List<int[]> ops = ops(a, b); // {kind, index}: 0 same (index in a), -1 removed (a), 1 added (b)
    StringBuilder out = new StringBuilder();
    out.append("--- a/").append(path).append('\n').append("+++ b/").append(path).append('\n');
    int i = 0;
    while (i < ops.size()) {
      while (i < ops.size() && ops.get(i)[0] == 0) {
        i++;
      }
      if (i >= ops.size()) {
        break;
      }
      int start = Math.max(0, i - CONTEXT);
      int end = i;
      // extend the hunk while changes are within two contexts of each other
      while (end < ops.size()) {
        if (ops.get(end)[0] != 0) {
          end++;
          continue;
        }
        int same = end;
        while (same < ops.size() && ops.get(same)[0] == 0) {
          same++;
        }
        if (same >= ops.size() || same - end > 2 * CONTEXT) {
          end = Math.min(ops.size(), end + CONTEXT);
          break;
        }
        end = same;
      }
      appendHunk(out, ops, start, end, a, b);
      i = end;
    }
    return out.toString();
  }

  private static void appendHunk(
      StringBuilder out, List<int[]> ops, int start, int end, List<String> a, List<String> b) {
    int aStart = -1;
    int bStart = -1;
    int aCount = 0;
    int bCount = 0;
    int[] pos = positions(ops, start);
    StringBuilder body = new StringBuilder();
    int ai = pos[0];
    int bi = pos[1];
    for (int k = start; k < end; k++) {
      int[] op = ops.get(k);
      if (op[0] == 0) {
        body.append(' ').append(a.get(ai)).append('\n');
        aStart = aStart < 0 ? ai : aStart;
        bStart = bStart < 0 ? bi : bStart;
        ai++;
        bi++;
        aCount++;
        bCount++;
      } else if (op[0] < 0) {
        body.append('-').append(a.get(ai)).append('\n');
        aStart = aStart < 0 ? ai : aStart;
        ai++;
        aCount++;
      } else {
        body.append('+').append(b.get(bi)).append('\n');
        bStart = bStart < 0 ? bi : bStart;
        bi++;
        bCount++;
      }
    }
    aStart = aStart < 0 ? pos[0] : aStart;
    bStart = bStart < 0 ? pos[1] : bStart;
    out.append("@@ -")
        .append(range(aStart, aCount))
        .append(" +")
        .append(range(bStart, bCount))
        .append(" @@\n")
        .append(body);
  }

  /** {@code l,n} 1-based; an empty range names the line before it, as diff does. */
  private static String range(int start, int count) {
    return count == 0 ? start + ",0" : (start + 1) + "," + count;
  }

  /** The line numbers in a and b where op {@code k} starts. */
  private static int[] positions(List<int[]> ops, int k) {
    int ai = 0;
    int bi = 0;
    for (int i = 0; i < k; i++) {
      int kind = ops.get(i)[0];
      if (kind <= 0) {
        ai++;
      }
      if (kind >= 0) {
        bi++;
      }
    }
    return new int[] {ai, bi};
  }

  private static List<int[]> ops(List<String> a, List<String> b) {
    List<int[]> out = new ArrayList<>();
    // common head and tail first: fixes touch a few lines of a file
    int head = 0;
    while (head < a.size() && head < b.size() && a.get(head).equals(b.get(head))) {
      head++;
    }
    int tail = 0;
    while (tail < a.size() - head
        && tail < b.size() - head
        && a.get(a.size() - 1 - tail).equals(b.get(b.size() - 1 - tail))) {
      tail++;
    }
    for (int i = 0; i < head; i++) {
      out.add(new int[] {0});
    }
    List<String> am = a.subList(head, a.size() - tail);
    List<String> bm = b.subList(head, b.size() - tail);
    if ((long) am.size() * bm.size() > (long) MAX_LINES * 50) {
      am.forEach(x -> out.add(new int[] {-1}));
      bm.forEach(x -> out.add(new int[] {1}));
    } else {
      int[][] lcs = new int[am.size() + 1][bm.size() + 1];
      for (int i = am.size() - 1; i >= 0; i--) {
        for (int j = bm.size() - 1; j >= 0; j--) {
          lcs[i][j] =
              am.get(i).equals(bm.get(j))
                  ? lcs[i + 1][j + 1] + 1
                  : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
        }
      }
      int i = 0;
      int j = 0;
      while (i < am.size() || j < bm.size()) {
        if (i < am.size() && j < bm.size() && am.get(i).equals(bm.get(j))) {
          out.add(new int[] {0});
          i++;
          j++;
        } else if (i < am.size() && (j >= bm.size() || lcs[i + 1][j] >= lcs[i][j + 1])) {
          out.add(new int[] {-1});
          i++;
        } else {
          out.add(new int[] {1});
          j++;
        }
      }
    }
    for (int i = 0; i < tail; i++) {
      out.add(new int[] {0});
    }
    return out;
  }

  /** The lines of {@code text}; a final line break ends the last line rather than adding one. */
  private static List<String> lines(String text) {
    List<String> out = new ArrayList<>(List.of(text.split("\n", -1)));
    if (!out.isEmpty() && out.get(out.size() - 1).isEmpty()) {
      out.remove(out.size() - 1);
    }
    return out;
  }
}
