package dev.dbtls.jinja.scan;

import java.util.List;

/**
 * A block tag matched with its end: {@code {% if %}...{% elif %}...{% else %}...{% endif %}}.
 * Values are piece indexes. {@code branches} are the middle tags ({@code elif}, {@code else});
 * {@code end} is -1 when the end tag is missing. {@code parent} is the enclosing block's index or
 * -1; {@code depth} is 0 for a block at top level.
 */
public record Block(
    int index, String tag, int open, List<Integer> branches, int end, int parent, int depth) {

  public boolean closed() {
    return end >= 0;
  }
}
