package dev.dbtls.ide;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Completion in {@code selectors.yml}: the names of the file's selectors after {@code selector:} (a
 * reference to another selector), and after {@code value:} under {@code method: selector}; the
 * names are read from the text as typed ({@code - name: X} of the list), the selector being written
 * left out.
 */
final class SelectorsCompletion {
  private static final Pattern AFTER_SELECTOR =
      Pattern.compile("^\\s*(?:-\\s*)?selector:\\s*(['\"]?)([\\w.-]*)$");
  private static final Pattern AFTER_VALUE =
      Pattern.compile("^\\s*(?:-\\s*)?value:\\s*(['\"]?)([\\w.-]*)$");
  private static final Pattern METHOD_SELECTOR =
      Pattern.compile("(?m)^\\s*(?:-\\s*)?method:\\s*['\"]?selector['\"]?\\s*$");
  private static final Pattern NAME = Pattern.compile("(?m)^\\s*-\\s*name:\\s*['\"]?([\\w.-]+)");

  private final CompletionContext ctx;

  SelectorsCompletion(CompletionContext ctx) {
    this.ctx = ctx;
  }

  /** Whether the file is the root project's selectors.yml. */
  static boolean covers(String displayPath) {
    return displayPath.equals("selectors.yml");
  }

  List<CompletionItem> complete() {
    int lineStart = ctx.text.lastIndexOf('\n', ctx.offset - 1) + 1;
    String before = ctx.text.substring(lineStart, ctx.offset);
    Matcher m = AFTER_SELECTOR.matcher(before);
    if (!m.matches()) {
      m = AFTER_VALUE.matcher(before);
      if (!m.matches() || !besideMethodSelector(lineStart)) {
        return List.of();
      }
    }
    String prefix = m.group(2);
    CompletionItems items = new CompletionItems(prefix, ctx.offset - prefix.length(), ctx.offset);
    String current = enclosingName(lineStart);
    Matcher names = NAME.matcher(ctx.text);
    while (names.find()) {
      String name = names.group(1);
      if (!name.equals(current)) {
        items.add(name, CompletionKind.CONFIG_VALUE, 0, "selector", null, name, false);
      }
    }
    return items.result();
  }

  /** A {@code method: selector} among the few lines above (the same mapping). */
  private boolean besideMethodSelector(int lineStart) {
    int from = lineStart;
    for (int i = 0; i < 3 && from > 0; i++) {
      from = ctx.text.lastIndexOf('\n', from - 2) + 1;
    }
    int to = ctx.text.indexOf('\n', ctx.offset);
    String around = ctx.text.substring(from, to < 0 ? ctx.text.length() : to);
    return METHOD_SELECTOR.matcher(around).find();
  }

  /** The name of the selector the cursor is in: the last {@code - name:} above it. */
  private String enclosingName(int lineStart) {
    Matcher names = NAME.matcher(ctx.text.substring(0, lineStart));
    String last = null;
    while (names.find()) {
      last = names.group(1);
    }
    return last;
  }
}
