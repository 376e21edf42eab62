package dev.dbtls.jinja.scan;

import java.util.ArrayList;
import java.util.List;

/**
 * A template written with markers: {@code «...»} around expected ranges (in order of their opening
 * marker) and {@code $0} for a cursor. {@link #text} is the template without markers.
 */
record Fixture(String text, List<TextRange> ranges, int cursor) {

  static Fixture of(String marked) {
    StringBuilder sb = new StringBuilder();
    List<int[]> open = new ArrayList<>();
    List<TextRange> ranges = new ArrayList<>();
    List<Integer> order = new ArrayList<>();
    int cursor = -1;
    for (int i = 0; i < marked.length(); i++) {
      char c = marked.charAt(i);
      if (c == '«') {
        open.add(new int[] {sb.length(), ranges.size()});
        ranges.add(null);
      } else if (c == '»') {
        int[] o = open.remove(open.size() - 1);
        ranges.set(o[1], new TextRange(o[0], sb.length()));
      } else if (c == '$' && i + 1 < marked.length() && marked.charAt(i + 1) == '0') {
        cursor = sb.length();
        i++;
      } else {
        sb.append(c);
      }
    }
    if (!open.isEmpty()) {
      throw new IllegalArgumentException("unclosed « in fixture");
    }
    return new Fixture(sb.toString(), List.copyOf(ranges), cursor);
  }

  TextRange range(int i) {
    return ranges.get(i);
  }

  ScannedTemplate scan() {
    return JinjaScanner.scan(text);
  }
}
