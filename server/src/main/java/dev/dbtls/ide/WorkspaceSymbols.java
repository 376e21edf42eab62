package dev.dbtls.ide;

import dev.dbtls.index.DocBlock;
import dev.dbtls.index.Macro;
import dev.dbtls.index.Manifest;
import dev.dbtls.index.Node;
import dev.dbtls.index.ResourceType;
import dev.dbtls.index.compile.ProjectSnapshot;
import dev.dbtls.project.Span;
import dev.dbtls.project.properties.ColumnSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The data catalog search ({@code workspace/symbol}): every node, every column declared in YAML,
 * every macro and docs block of the project and its packages, found by a fuzzy, case-insensitive
 * match. Ranked: the whole name, then a prefix (or the last dotted segment exactly), a word start
 * ({@code _}, {@code .}, camelCase, digits), word starts in order ({@code so} → {@code
 * stg_orders}), a substring, any subsequence; within a rank, tests and docs after the rest, shorter
 * names first. The names are indexed once per snapshot (and reused by the next snapshot when no
 * name or place changed).
 */
public final class WorkspaceSymbols {
  private WorkspaceSymbols() {}

  /**
   * The searchable names, sorted once in the order hits of one rank are shown (tests and docs last,
   * then shorter first): a search keeps the first {@code limit} hits of each rank.
   */
  private record Index(
      long signature,
      WorkspaceSymbol[] symbols,
      String[] lower,
      long[] masks,
      long[] heads,
      long[] lastSegmentHeads,
      long[] wordStartMasks) {}

  /**
   * The index of one snapshot, built on first use; the previous snapshot's index is reused while
   * nothing it holds changed: an edit to a model's SQL makes a new snapshot but leaves every name
   * and place the same, and building costs far more than checking. Owned by {@link Analysis}.
   */
  static final class Cache {
    private Cache previous;
    private volatile Index index;

    Cache(Cache previous) {
      this.previous = previous;
    }

    synchronized Index of(Manifest m) {
      if (index == null) {
        long signature = signature(m);
        Index before = previous == null ? null : previous.index;
        index = before != null && before.signature() == signature ? before : index(m, signature);
        previous = null; // the chain of snapshots is not kept alive
      }
      return index;
    }
  }

  static List<WorkspaceSymbol> find(ProjectSnapshot snapshot, String query, int limit) {
    return find(new Cache(null), snapshot, query, limit);
  }

  static List<WorkspaceSymbol> find(
      Cache cache, ProjectSnapshot snapshot, String query, int limit) {
    if (snapshot == null || limit <= 0) {
      return List.of();
    }
    Index index = cache.of(snapshot.manifest());
    // blanks separate words the user typed: "stg orders" finds stg_orders
    String q = query == null ? "" : query.replaceAll("\\s+", "").toLowerCase(Locale.ROOT);
    long qMask = mask(q);
    limit = Math.min(limit, index.lower().length);
    int[][] hits = new int[SUBSEQUENCE + 1][limit];
    int[] counts = new int[SUBSEQUENCE + 1];
    // Once ranks 0..r hold `limit` hits, a later hit of rank r or worse would be shown after
    // them all: only ranks below r still count (none at all when r is 0).
    int worst = SUBSEQUENCE;
    String[] lower = index.lower();
    long[] masks = index.masks();
    // Filters on contiguous arrays, so that most names are never read: all characters, the first
    // eight (of the name or its last dotted segment), the first characters of words.
    long qHead = head(q, 0);
    long headBytes = q.length() >= 8 ? -1L : (1L << (8 * q.length())) - 1;
    long qFirst = q.isEmpty() ? 0 : bit(q.charAt(0));
    Cancellation cancel = Cancellation.current();
    for (int i = 0; i < lower.length && worst >= 0 && limit > 0; i++) {
      if ((i & 4095) == 0) {
        cancel.check();
      }
      if ((masks[i] & qMask) != qMask) {
        continue;
      }
      if (worst <= PREFIX) {
        if ((index.heads()[i] & headBytes) != qHead
            && (index.lastSegmentHeads()[i] & headBytes) != qHead) {
          continue;
        }
      } else if (worst <= WORD_STARTS && (index.wordStartMasks()[i] & qFirst) != qFirst) {
        continue;
      }
      int rank = rank(lower[i], q, worst);
      if (rank < 0) {
        continue;
      }
      hits[rank][counts[rank]++] = i;
      int total = 0;
      for (int r = 0; r <= worst; r++) {
        total += counts[r];
        if (total >= limit) {
          worst = r - 1;
          break;
        }
      }
    }
    List<WorkspaceSymbol> out = new ArrayList<>(limit);
    for (int r = 0; r <= SUBSEQUENCE && out.size() < limit; r++) {
      for (int k = 0; k < counts[r] && out.size() < limit; k++) {
        out.add(index.symbols()[hits[r][k]]);
      }
    }
    return out;
  }

  // ---------------------------------------------------------------- ranking

  static final int EXACT = 0;
  static final int PREFIX = 1;
  static final int WORD_START = 2;
  static final int WORD_STARTS = 3;
  static final int SUBSTRING = 4;
  static final int SUBSEQUENCE = 5;

  static int rank(String name, String q) {
    return rank(name, q, SUBSEQUENCE);
  }

  /** How well {@code name} matches {@code q} (both lower case); -1 if worse than {@code worst}. */
  static int rank(String name, String q, int worst) {
    if (q.isEmpty()) {
      return SUBSEQUENCE <= worst ? SUBSEQUENCE : -1;
    }
    if (name.equals(q)) {
      return EXACT;
    }
    if (worst < PREFIX) {
      return -1;
    }
    if (name.startsWith(q)
        || name.endsWith(q)
            && name.length() > q.length()
            && name.charAt(name.length() - q.length() - 1) == '.') {
      return PREFIX;
    }
    if (worst < WORD_START) {
      return -1;
    }
    int at = name.indexOf(q);
    boolean substring = at >= 0;
    while (at >= 0) {
      if (isWordStart(name, at)) {
        return WORD_START;
      }
      at = name.indexOf(q, at + 1);
    }
    if (worst >= WORD_STARTS && wordStarts(name, q)) {
      return WORD_STARTS;
    }
    if (substring) {
      return worst >= SUBSTRING ? SUBSTRING : -1;
    }
    return worst >= SUBSEQUENCE && isSubsequence(name, q) ? SUBSEQUENCE : -1;
  }

  private static boolean isWordStart(String name, int i) {
    if (i == 0) {
      return true;
    }
    char p = name.charAt(i - 1);
    char c = name.charAt(i);
    return !Character.isLetterOrDigit(p) || Character.isDigit(c) != Character.isDigit(p);
  }

  /**
   * {@code q} as pieces that each start a word of {@code name}, in order: a greedy walk that
   * continues the current piece when it can and otherwise jumps to the next word starting with the
   * character.
   */
  private static boolean wordStarts(String name, String q) {
    int i = 0; // next position in name
    for (int k = 0; k < q.length(); k++) {
      char c = q.charAt(k);
      if (k > 0 && i < name.length() && name.charAt(i) == c) {
        i++;
        continue;
      }
      int j = i;
      while (j < name.length() && !(name.charAt(j) == c && isWordStart(name, j))) {
        j++;
      }
      if (j >= name.length()) {
        return false;
      }
      i = j + 1;
    }
    return true;
  }

  private static boolean isSubsequence(String name, String q) {
    int i = 0;
    for (int k = 0; k < q.length(); k++) {
      i = name.indexOf(q.charAt(k), i);
      if (i < 0) {
        return false;
      }
      i++;
    }
    return true;
  }

  /** The first eight characters from {@code from}, a byte each (0 past the end). */
  private static long head(String s, int from) {
    long v = 0;
    for (int k = 0; k < 8 && from + k < s.length(); k++) {
      char c = s.charAt(from + k);
      long b = c < 0x80 ? c : 0x80 | (c & 0x7F);
      v |= b << (8 * k);
    }
    return v;
  }

  /** A bit per character class: a name lacking a character of the query cannot match. */
  private static long mask(String lower) {
    long m = 0;
    for (int i = 0; i < lower.length(); i++) {
      m |= bit(lower.charAt(i));
    }
    return m;
  }

  private static long bit(char c) {
    if (c >= 'a' && c <= 'z') {
      return 1L << (c - 'a');
    }
    if (c >= '0' && c <= '9') {
      return 1L << (26 + c - '0');
    }
    return c == '_' ? 1L << 36 : c == '.' ? 1L << 37 : 1L << (38 + c % 26);
  }

  // ---------------------------------------------------------------- the index

  /** One searchable name while the index is built. */
  private record Entry(WorkspaceSymbol symbol, String lower, int penalty) {}

  /** A hash of every name and place the index takes from the manifest. */
  static long signature(Manifest m) {
    long h = 1;
    for (Node n : m.nodes().values()) {
      h = 31 * h + n.uniqueId().hashCode();
      h = 31 * h + n.displayPath().hashCode();
      h = 31 * h + java.util.Objects.hashCode(n.span());
      h = 31 * h + java.util.Objects.hashCode(n.extra().get(Node.PROPERTIES_FILE));
      for (ColumnSpec c : n.columns()) {
        h = 31 * h + c.name().hashCode();
        h = 31 * h + java.util.Objects.hashCode(c.span());
      }
    }
    for (Macro x : m.macros().values()) {
      h = 31 * h + x.uniqueId().hashCode();
      h = 31 * h + x.displayPath().hashCode();
      h = 31 * h + java.util.Objects.hashCode(x.span());
    }
    for (DocBlock d : m.docs().values()) {
      h = 31 * h + d.uniqueId().hashCode();
      h = 31 * h + d.displayPath().hashCode();
      h = 31 * h + java.util.Objects.hashCode(d.span());
    }
    return h;
  }

  static Index index(Manifest m) {
    return index(m, signature(m));
  }

  private static Index index(Manifest m, long signature) {
    List<Entry> out = new ArrayList<>();
    for (Node n : m.nodes().values()) {
      OutlineKind kind = kind(n.type());
      if (kind == null) {
        continue;
      }
      String name = nodeName(n);
      add(
          out,
          name,
          kind,
          n.packageName(),
          new Location(n.displayPath(), spanOf(n.span())),
          n.type().isTest() ? 1 : 0);
      String yaml =
          n.type() == ResourceType.SOURCE
              ? n.displayPath()
              : n.extra().get(Node.PROPERTIES_FILE) instanceof String p ? p : null;
      for (ColumnSpec c : n.columns()) {
        Location at =
            yaml != null
                ? new Location(yaml, spanOf(c.span()))
                : new Location(n.displayPath(), Resolve.FILE_START);
        add(out, name + "." + c.name(), OutlineKind.COLUMN, name, at, 0);
      }
    }
    for (Macro x : m.macros().values()) {
      boolean test = x.name().startsWith("test_");
      add(
          out,
          x.name(),
          test ? OutlineKind.GENERIC_TEST : OutlineKind.MACRO,
          x.packageName(),
          new Location(x.displayPath(), spanOf(x.span())),
          0);
    }
    for (DocBlock d : m.docs().values()) {
      add(
          out,
          d.name(),
          OutlineKind.DOCS,
          d.packageName(),
          new Location(d.displayPath(), spanOf(d.span())),
          1);
    }
    // sorted by penalty, then length, then as the manifest lists them: primitive keys sort in
    // a fraction of the time of a comparator over 150k entries
    long[] keys = new long[out.size()];
    for (int i = 0; i < keys.length; i++) {
      Entry e = out.get(i);
      keys[i] = (long) e.penalty() << 52 | (long) Math.min(e.lower().length(), 0xFFF) << 40 | i;
    }
    java.util.Arrays.sort(keys);
    WorkspaceSymbol[] symbols = new WorkspaceSymbol[out.size()];
    String[] lower = new String[out.size()];
    long[] masks = new long[out.size()];
    long[] heads = new long[out.size()];
    long[] lastSegmentHeads = new long[out.size()];
    long[] wordStartMasks = new long[out.size()];
    for (int i = 0; i < symbols.length; i++) {
      Entry e = out.get((int) (keys[i] & 0xFF_FFFF_FFFFL));
      symbols[i] = e.symbol();
      String n = e.lower();
      lower[i] = n;
      heads[i] = head(n, 0);
      int dot = n.lastIndexOf('.');
      lastSegmentHeads[i] = dot < 0 ? -1L : head(n, dot + 1);
      // one pass for both masks; word starts as isWordStart has them
      long all = 0;
      long starts = 0;
      boolean prevAlnum = false;
      boolean prevDigit = false;
      for (int k = 0; k < n.length(); k++) {
        char c = n.charAt(k);
        long b = bit(c);
        boolean digit = c >= '0' && c <= '9' || c >= 0x80 && Character.isDigit(c);
        boolean alnum =
            digit
                || c >= 'a' && c <= 'z'
                || c >= 'A' && c <= 'Z'
                || c >= 0x80 && Character.isLetter(c);
        all |= b;
        if (k == 0 || !prevAlnum || digit != prevDigit) {
          starts |= b;
        }
        prevAlnum = alnum;
        prevDigit = digit;
      }
      masks[i] = all;
      wordStartMasks[i] = starts;
    }
    return new Index(signature, symbols, lower, masks, heads, lastSegmentHeads, wordStartMasks);
  }

  private static void add(
      List<Entry> out, String name, OutlineKind kind, String container, Location at, int penalty) {
    String lower = name.toLowerCase(Locale.ROOT);
    out.add(new Entry(new WorkspaceSymbol(name, kind, container, at), lower, penalty));
  }

  private static String nodeName(Node n) {
    if (n.type() == ResourceType.SOURCE) {
      return n.fqn().get(n.fqn().size() - 2) + "." + n.name();
    }
    return n.version() == null ? n.name() : n.name() + ".v" + n.version();
  }

  private static OutlineKind kind(ResourceType t) {
    return switch (t) {
      case MODEL -> OutlineKind.MODEL;
      case SEED -> OutlineKind.SEED;
      case SNAPSHOT -> OutlineKind.SNAPSHOT;
      case ANALYSIS -> OutlineKind.ANALYSIS;
      case TEST -> OutlineKind.TEST;
      case SOURCE -> OutlineKind.SOURCE_TABLE;
      case EXPOSURE -> OutlineKind.EXPOSURE;
      case FUNCTION -> OutlineKind.FUNCTION;
      case SEMANTIC_MODEL -> OutlineKind.SEMANTIC_MODEL;
      case METRIC -> OutlineKind.METRIC;
      case SAVED_QUERY -> OutlineKind.SAVED_QUERY;
      default -> null;
    };
  }

  private static Span spanOf(Span s) {
    return s == null ? Resolve.FILE_START : s;
  }
}
