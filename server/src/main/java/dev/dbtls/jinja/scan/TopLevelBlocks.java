package dev.dbtls.jinja.scan;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * dbt's block extractor ({@code extract_toplevel_blocks}): how dbt reads macro files and docs
 * files. It finds the top-level {@code {% macro %}}, {@code {% materialization %}}, {@code {% test
 * %}} (in macro files) or {@code {% docs %}} (in docs files) blocks by a light lexing of tags,
 * expressions, comments and strings, and only those blocks are parsed as Jinja. Text between blocks
 * is never parsed: a banner line {@code {% ####### %}} or a stray {@code {% enddocs %}} is not an
 * error. What it does refuse, as dbt does: an {@code endif}/{@code endfor} without its start, a
 * block inside {@code if}/{@code for}, a block inside another block, and an expression, comment,
 * tag or string left open outside the blocks.
 */
public final class TopLevelBlocks {
  /** The blocks dbt's macro parser extracts. */
  public static final Set<String> MACRO_BLOCKS =
      Set.of("macro", "materialization", "test", "data_test");

  /** The blocks dbt's generic test parser extracts from files under a test path's generic/. */
  public static final Set<String> GENERIC_TEST_BLOCKS = Set.of("test", "data_test");

  /** The blocks dbt's docs parser extracts. */
  public static final Set<String> DOCS_BLOCKS = Set.of("docs");

  /** One block: {@code [start, end)} from its opening tag to the end of its end tag. */
  public record Found(String type, String name, int start, int end) {}

  /**
   * The blocks found; the problems dbt's extractor raises; and the text with everything outside the
   * blocks blanked (line breaks kept), which is what the parsers should read. A block left open at
   * the end of the file is kept to the end, so the parsers say what is missing in it.
   */
  public record Result(List<Found> blocks, List<ScanError> errors, String blocksOnly) {}

  private static final int FLAGS =
      Pattern.DOTALL | Pattern.MULTILINE | Pattern.UNICODE_CHARACTER_CLASS;
  private static final String NAME = "[A-Za-z_][A-Za-z_0-9]*";
  private static final String TAG_OPEN = "(?:\\s*\\{%-|\\{%)\\s*";
  private static final Pattern BLOCK_START =
      Pattern.compile(TAG_OPEN + "(" + NAME + ")(?:\\s+(" + NAME + "))?", FLAGS);
  private static final Pattern COMMENT_START = Pattern.compile("\\s*\\{#", FLAGS);
  private static final Pattern COMMENT_END = Pattern.compile("(.*?)(\\s*#\\})", FLAGS);
  private static final Pattern EXPR_START = Pattern.compile("\\{\\{\\s*", FLAGS);
  private static final Pattern EXPR_END = Pattern.compile("\\s*\\}\\}", FLAGS);
  private static final Pattern RAW_BLOCK =
      Pattern.compile(
          TAG_OPEN + "raw\\s*(?:-%\\}\\s*|%\\})(?:.*?)" + TAG_OPEN + "endraw\\s*(?:-%\\}\\s*|%\\})",
          FLAGS);
  private static final Pattern TAG_CLOSE = Pattern.compile("-%\\}\\s*|%\\}", FLAGS);
  private static final Pattern STRING =
      Pattern.compile(
          "'([^'\\\\]*(?:\\\\.[^'\\\\]*)*)'|\"([^\"\\\\]*(?:\\\\.[^\"\\\\]*)*)\"", FLAGS);
  private static final Pattern QUOTE = Pattern.compile("['\"]", FLAGS);

  /** The literal each pattern's match contains (see {@link #earliestStart}). */
  private static final Map<Pattern, String> LITERALS =
      Map.of(
          BLOCK_START, "{%",
          RAW_BLOCK, "{%",
          COMMENT_START, "{#",
          EXPR_START, "{{",
          EXPR_END, "}}",
          TAG_CLOSE, "%}");

  private static final Map<String, String> CONTROL_FLOW = Map.of("if", "endif", "for", "endfor");
  private static final Map<String, String> CONTROL_FLOW_END =
      Map.of("endif", "if", "endfor", "for");

  private final String text;
  private int pos;

  /** Per pattern, the last search: where it started and what it found (dbt caches the same way). */
  private final Map<Pattern, int[]> searches = new HashMap<>();

  private TopLevelBlocks(String text) {
    this.text = text;
  }

  /** A tag dbt's lexer saw: its name, the optional word after it, and its range. */
  private record Tag(String type, String name, int start, int end) {}

  /** Raised where dbt's extractor stops. */
  private static final class Stop extends Exception {
    final ScanError error;
    final boolean eof;

    Stop(int start, int end, String message, boolean eof) {
      super(message, null, false, false);
      this.error = new ScanError(start, end, message);
      this.eof = eof;
    }
  }

  public static Result extract(String text, Set<String> allowed) {
    String t = text == null ? "" : text;
    return new TopLevelBlocks(t).blocks(allowed);
  }

  private Result blocks(Set<String> allowed) {
    List<Found> found = new ArrayList<>();
    List<ScanError> errors = new ArrayList<>();
    Deque<String> stack = new ArrayDeque<>();
    Tag current = null;
    try {
      for (Tag tag = nextTag(); tag != null; tag = nextTag()) {
        if (CONTROL_FLOW.containsKey(tag.type)) {
          stack.push(tag.type);
        } else if (CONTROL_FLOW_END.containsKey(tag.type)) {
          String expected = CONTROL_FLOW_END.get(tag.type);
          if (stack.isEmpty()) {
            throw new Stop(
                tag.start,
                tag.end,
                "Got an unexpected control flow end tag, got "
                    + tag.type
                    + " but never saw a preceeding "
                    + expected,
                false);
          }
          String open = stack.pop();
          if (!CONTROL_FLOW.get(open).equals(tag.type)) {
            throw new Stop(
                tag.start,
                tag.end,
                "Got an unexpected control flow end tag, got "
                    + tag.type
                    + " but expected "
                    + CONTROL_FLOW.get(open)
                    + " next",
                false);
          }
        }
        if (allowed.contains(tag.type)) {
          if (!stack.isEmpty()) {
            throw new Stop(
                tag.start,
                tag.end,
                "Got a block definition inside control flow. "
                    + "All dbt block definitions must be at the top level",
                false);
          }
          if (current != null) {
            throw new Stop(
                tag.start,
                tag.end,
                "Got nested tags: "
                    + current.type
                    + " (started at line "
                    + line(current.start)
                    + ") did not have a matching {% end"
                    + current.type
                    + " %} before a subsequent "
                    + tag.type
                    + " was found",
                false);
          }
          current = tag;
        } else if (current != null && tag.type.equals("end" + current.type)) {
          found.add(new Found(current.type, current.name, current.start, tag.end));
          current = null;
        }
        // any other tag outside a block is ignored, as dbt does (1.10 warns about it)
      }
    } catch (Stop s) {
      // an open expression, comment or string inside a block is the parsers' to report, exactly
      if (!(s.eof && current != null)) {
        errors.add(s.error);
      }
    }
    if (current != null) {
      found.add(new Found(current.type, current.name, current.start, text.length()));
    }
    return new Result(List.copyOf(found), List.copyOf(errors), blank(found));
  }

  private String blank(List<Found> blocks) {
    char[] out = new char[text.length()];
    for (int i = 0; i < out.length; i++) {
      char c = text.charAt(i);
      out[i] = c == '\n' || c == '\r' ? c : ' ';
    }
    for (Found b : blocks) {
      text.getChars(b.start, b.end, out, b.start);
    }
    return new String(out);
  }

  private int line(int offset) {
    int line = 1;
    for (int i = 0; i < offset && i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        line++;
      }
    }
    return line;
  }

  // ---------------------------------------------------------------- dbt's TagIterator

  private Tag nextTag() throws Stop {
    while (true) {
      Matcher m = first(BLOCK_START, COMMENT_START, EXPR_START);
      if (m == null) {
        return null;
      }
      pos = m.start();
      if (m.pattern() == COMMENT_START) {
        pos = m.end();
        pos = expect("#}", m.start(), COMMENT_END).end();
      } else if (m.pattern() == EXPR_START) {
        expression(m);
      } else {
        return tag(m);
      }
    }
  }

  private void expression(Matcher start) throws Stop {
    pos = start.end();
    while (true) {
      Matcher m = first(EXPR_END, QUOTE);
      if (m == null) {
        throw eof("}}", start.start());
      }
      if (m.pattern() == EXPR_END) {
        pos = m.end();
        return;
      }
      pos = expect("string", m.start(), STRING).end();
    }
  }

  private Tag tag(Matcher m) throws Stop {
    String type = m.group(1);
    String name = m.group(2);
    int start = pos;
    if (type.equals("raw")) {
      pos = expect("{% raw %}...{% endraw %}", start, RAW_BLOCK).end();
    } else {
      pos = m.end();
      while (true) {
        Matcher end = first(QUOTE, TAG_CLOSE);
        if (end == null) {
          throw eof("tag close (\"%}\")", start);
        }
        pos = end.end();
        if (end.pattern() == TAG_CLOSE) {
          break;
        }
        pos--;
        pos = expect("string", end.start(), STRING).end();
      }
    }
    return new Tag(type, name, start, pos);
  }

  private Matcher expect(String what, int from, Pattern p) throws Stop {
    Matcher m = search(p);
    if (m == null) {
      throw eof(what, from);
    }
    return m;
  }

  private Stop eof(String what, int from) {
    String rest = text.substring(pos, Math.min(text.length(), pos + 40));
    return new Stop(
        from,
        Math.min(text.length(), from + 2),
        "unexpected EOF, expected "
            + what
            + ", got \""
            + rest
            + (text.length() - pos > 40 ? "..." : "")
            + "\"",
        true);
  }

  /** Of the patterns' next matches, the one that ends first (dbt's "least greedy"). */
  private Matcher first(Pattern... patterns) {
    Matcher best = null;
    for (Pattern p : patterns) {
      Matcher m = search(p);
      if (m != null && (best == null || m.end() < best.end())) {
        best = m;
      }
    }
    return best;
  }

  /**
   * The next match of {@code p} at or after {@code pos}, reusing the last search when it still
   * holds.
   */
  private Matcher search(Pattern p) {
    int[] last = searches.get(p);
    if (last != null && last[0] <= pos && (last[1] < 0 || last[1] >= pos)) {
      if (last[1] < 0) {
        return null;
      }
      Matcher m = p.matcher(text);
      if (m.find(last[1]) && m.start() == last[1]) {
        return m;
      }
    }
    Matcher m = p.matcher(text);
    int from = earliestStart(p);
    boolean found = from >= 0 && m.find(from);
    searches.put(p, new int[] {pos, found ? m.start() : -1});
    return found ? m : null;
  }

  /**
   * Where the regex search for {@code p} may start without missing its first match at or after
   * {@code pos}, or -1 when it cannot match: each pattern needs a literal ({@code {%}, {@code }}},
   * a quote, ...), which {@code indexOf} finds far faster than the regex engine tries every
   * position. A match starts at the literal's first occurrence, or before it by the whitespace (or
   * the {@code -}) the pattern allows in front of it: a match starting earlier would have to span
   * that occurrence, which is neither.
   */
  private int earliestStart(Pattern p) {
    if (p == QUOTE || p == STRING) {
      int single = text.indexOf('\'', pos);
      int dbl = text.indexOf('"', pos);
      return single < 0 ? dbl : dbl < 0 ? single : Math.min(single, dbl);
    }
    if (p == COMMENT_END) { // its lazy (.*?) match starts where the search does
      return text.indexOf("#}", pos) < 0 ? -1 : pos;
    }
    String literal = LITERALS.get(p);
    if (literal == null) {
      return pos;
    }
    int at = text.indexOf(literal, pos);
    if (at < 0) {
      return -1;
    }
    if (p == TAG_CLOSE) {
      return at > pos && text.charAt(at - 1) == '-' ? at - 1 : at;
    }
    if (p != EXPR_START) {
      while (at > pos && isWhiteSpace(text.charAt(at - 1))) {
        at--;
      }
    }
    return at;
  }

  /** {@code \\s} under {@code UNICODE_CHARACTER_CLASS}: the Unicode White_Space property. */
  private static boolean isWhiteSpace(char c) {
    return (c >= 9 && c <= 13)
        || c == ' '
        || c == 0x85
        || c == 0xA0
        || c == 0x1680
        || (c >= 0x2000 && c <= 0x200A)
        || c == 0x2028
        || c == 0x2029
        || c == 0x202F
        || c == 0x205F
        || c == 0x3000;
  }
}
