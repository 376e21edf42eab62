package dev.dbtls.warehouse;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What looks wrong in a plan, each finding with its evidence and a confidence. The kinds:
 *
 * <ul>
 *   <li>{@code seq-scan-selective-filter}: a full scan of a large table (at least
 *       {@link #LARGE_TABLE_ROWS} rows) whose filter keeps under {@link #SELECTIVE_SHARE} of them
 *       (measured when analyzed, else estimated), with the index on the filter's columns that
 *       would serve it. DuckDB: only for equality or IN filters, as its ART indexes serve point
 *       lookups and not ranges.
 *   <li>{@code row-estimate-off}: the planner's rows off from the actual rows by
 *       {@link #ESTIMATE_OFF_FACTOR} times or more (not when both are under {@link #TINY_ROWS}),
 *       at the step where it starts (a step whose inputs are off is not reported again).
 *   <li>{@code spill-to-disk}: a sort or hash that did not fit in memory.
 *   <li>{@code nested-loop-large}: a nested loop whose two sides both have at least
 *       {@link #LARGE_LOOP_SIDE} rows, or whose product is {@link #LARGE_LOOP_PRODUCT} or more.
 *   <li>{@code join-without-condition}: a join of two sides of more than one row with no
 *       condition between them, likely a missing ON.
 * </ul>
 *
 * Pure: reads the plan and the table sizes only; never throws on odd plans.
 */
public final class PlanFindings {
  /** A table this large is worth an index for a selective filter. */
  public static final double LARGE_TABLE_ROWS = 100_000;
  /** A filter keeping less than this share of a table's rows is selective. */
  public static final double SELECTIVE_SHARE = 0.05;
  /** Estimated and actual rows this many times apart. */
  public static final double ESTIMATE_OFF_FACTOR = 10;
  /** Row counts below this on both sides are too small to judge an estimate by. */
  public static final double TINY_ROWS = 100;
  /** A nested loop side this large is large. */
  public static final double LARGE_LOOP_SIDE = 10_000;
  /** A nested loop comparing this many row pairs is large. */
  public static final double LARGE_LOOP_PRODUCT = 1e8;

  private static final Set<String> RESERVED = Set.of("all", "and", "any", "as", "asc", "both",
      "case", "cast", "check", "collate", "column", "constraint", "create", "current_date",
      "current_user", "default", "desc", "distinct", "do", "else", "end", "except", "false",
      "fetch", "for", "foreign", "from", "grant", "group", "having", "in", "index", "intersect",
      "into", "is", "join", "key", "leading", "limit", "not", "null", "offset", "on", "only", "or",
      "order", "primary", "references", "select", "table", "then", "to", "trailing", "true",
      "union", "unique", "user", "using", "when", "where", "window", "with");
  private static final Pattern PLAIN = Pattern.compile("[a-z_][a-z0-9_]*");
  private static final Pattern PLAIN_MYSQL = Pattern.compile("[A-Za-z_][A-Za-z0-9_$]*");

  private PlanFindings() {}

  /**
   * The findings for a plan of {@code dialect} (postgres, duckdb, mariadb, mysql, sqlite), with
   * the tables' row counts by {@code schema.table} (may be empty).
   */
  public static List<Finding> of(PlanNode root, String dialect, Map<String, Double> tableRows,
      boolean analyzed) {
    List<Finding> out = new ArrayList<>();
    if (root == null) {
      return out;
    }
    String d = dialect == null ? "" : dialect;
    Map<String, Double> sizes = tableRows == null ? Map.of() : tableRows;
    try {
      walk(root, d, sizes, analyzed, out, 0, 1);
      if (analyzed) {
        estimates(root, d, out, 0);
      }
    } catch (RuntimeException e) {
      // a plan shaped unlike any seen: the findings so far stand
    }
    return out;
  }

  private static void walk(PlanNode n, String dialect, Map<String, Double> sizes,
      boolean analyzed, List<Finding> out, int depth, double parallel) {
    if (depth > 500) {
      return;
    }
    if (n.property("Workers Planned") != null) {
      // PostgreSQL estimates a parallel step's rows per process: workers plus the leader's part
      double w = number(n.property("Workers Planned"));
      parallel = w + Math.max(0, 1 - 0.3 * w);
    }
    double processes = "true".equals(n.property("Parallel Aware")) ? parallel : 1;
    Finding f = seqScan(n, dialect, sizes, analyzed, processes);
    if (f != null) {
      out.add(f);
    }
    f = spill(n, dialect);
    if (f != null) {
      out.add(f);
    }
    if (nestedLoop(n, dialect) && n.children().size() >= 2) {
      f = joinWithoutCondition(n, dialect, analyzed);
      if (f != null) {
        out.add(f);
      }
      f = largeLoop(n, dialect, analyzed);
      if (f != null) {
        out.add(f);
      }
    }
    for (PlanNode c : n.children()) {
      walk(c, dialect, sizes, analyzed, out, depth + 1, parallel);
    }
  }

  // --- sequential scan with a selective filter -------------------------------------------------

  static boolean seqScan(PlanNode n, String dialect) {
    return switch (dialect) {
      case "postgres" -> n.operator().equals("Seq Scan") || n.operator().equals("Parallel Seq Scan");
      case "duckdb" -> (n.operator().equals("SEQ_SCAN") || n.operator().equals("TABLE_SCAN"))
          && !"Index Scan".equals(n.property("Type"));
      case "mariadb", "mysql" -> "ALL".equals(n.property("access_type"));
      default -> false;
    };
  }

  private static Finding seqScan(PlanNode n, String dialect, Map<String, Double> sizes,
      boolean analyzed, double processes) {
    if (!seqScan(n, dialect) || n.filter() == null || n.relation() == null) {
      return null;
    }
    Double tableRows = tableRows(n, dialect, sizes, analyzed);
    boolean measured = analyzed && n.actualRows() != null;
    Double kept = measured ? n.actualRows() * loops(n)
        : n.estimatedRows() == null ? null : n.estimatedRows() * processes;
    if (tableRows == null || kept == null || tableRows < LARGE_TABLE_ROWS) {
      return null;
    }
    double share = kept / tableRows;
    if (share >= SELECTIVE_SHARE) {
      return null;
    }
    FilterColumns columns = FilterColumns.of(n.filter());
    List<String> indexColumns = dialect.equals("duckdb") ? columns.equality()
        : columns.indexColumns();
    if (indexColumns.isEmpty()) {
      return null;
    }
    IndexSuggestion index = index(n, dialect, indexColumns);
    String table = n.qualifiedRelation();
    List<String> evidence = new ArrayList<>();
    evidence.add(table + ": " + count(tableRows) + " rows" + (sizes.isEmpty() ? "" : " (table statistics)"));
    // PostgreSQL gives actual rows per loop, rounded: 1 row found by one of 3 workers reads 0
    boolean roundedAway = measured && n.actualRows() == 0 && loops(n) > 1;
    double bound = Math.ceil(loops(n) / 2.0);
    String sharePhrase = roundedAway ? "under " + percent(bound / tableRows) : percent(share);
    evidence.add("filter " + n.filter() + " keeps " + (roundedAway ? "under " + count(bound)
        : (measured ? "" : "~") + count(kept)) + " (" + sharePhrase
        + (measured ? ", measured" : ", estimated")
        + (roundedAway ? "; the warehouse rounds rows per loop, " + count(loops(n)) + " loops" : "")
        + ")");
    evidence.add("the scan reads every row of the table; an index on (" + String.join(", ",
        indexColumns) + ") reads only the matching ones");
    String confidence;
    String reason;
    if (dialect.equals("duckdb")) {
      evidence.add("DuckDB's ART indexes speed up point lookups (equality, IN), not range filters;"
          + " its scans are fast and skip row groups by min/max, so measure before keeping it");
      confidence = Finding.MEDIUM;
      reason = "DuckDB uses an ART index only for point lookups, and its scans are often fast"
          + " enough";
    } else if (measured) {
      confidence = Finding.HIGH;
      reason = "measured: the query ran and the filter kept " + sharePhrase + " of the rows";
    } else {
      confidence = Finding.MEDIUM;
      reason = "from the planner's estimate; analyze to measure";
    }
    return new Finding("seq-scan-selective-filter", n.id(), "Full scan of " + table
        + " keeps " + sharePhrase + " of " + count(tableRows) + " rows: an index on ("
        + String.join(", ", indexColumns) + ") would serve the filter", evidence, confidence,
        reason, index);
  }

  private static Double tableRows(PlanNode n, String dialect, Map<String, Double> sizes,
      boolean analyzed) {
    String q = n.qualifiedRelation();
    for (Map.Entry<String, Double> e : sizes.entrySet()) {
      if (e.getKey().equalsIgnoreCase(q) || n.schema() == null
          && e.getKey().toLowerCase(Locale.ROOT).endsWith("." + n.relation().toLowerCase(Locale.ROOT))) {
        return e.getValue();
      }
    }
    // no statistics: what the scan itself read
    return switch (dialect) {
      case "postgres" -> analyzed && n.actualRows() != null
          ? (n.actualRows() + number(n.property("Rows Removed by Filter"))) * loops(n) : null;
      case "duckdb" -> n.property("operator_rows_scanned") == null ? null
          : number(n.property("operator_rows_scanned"));
      case "mariadb", "mysql" -> {
        String key = analyzed && n.property("r_rows") != null ? "r_rows"
            : n.property("rows") != null ? "rows" : "rows_examined_per_scan";
        yield n.property(key) == null ? null : number(n.property(key));
      }
      default -> null;
    };
  }

  /** The index for {@code columns} of the node's table, with its SQL and rollback. */
  static IndexSuggestion index(PlanNode n, String dialect, List<String> columns) {
    String name = indexName(n.relation(), columns);
    String table = (n.schema() == null ? "" : ident(n.schema(), dialect) + ".")
        + ident(n.relation(), dialect);
    List<String> cols = new ArrayList<>();
    columns.forEach(c -> cols.add(ident(c, dialect)));
    String create = "create index " + ident(name, dialect) + " on " + table + " ("
        + String.join(", ", cols) + ")";
    String rollback = dialect.equals("mariadb") || dialect.equals("mysql")
        ? "drop index " + ident(name, dialect) + " on " + table
        : "drop index " + (n.schema() == null ? "" : ident(n.schema(), dialect) + ".")
            + ident(name, dialect);
    return new IndexSuggestion(n.qualifiedRelation(), columns, name, create, rollback);
  }

  /** {@code dbtls_<table>_<cols>_idx}, lower case, at most 63 characters (PostgreSQL's limit). */
  static String indexName(String table, List<String> columns) {
    String name = ("dbtls_" + table + "_" + String.join("_", columns) + "_idx")
        .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
    if (name.length() <= 63) {
      return name;
    }
    String hash = String.format(Locale.ROOT, "%08x", name.hashCode()).substring(0, 8);
    return name.substring(0, 63 - 13) + "_" + hash + "_idx";
  }

  /** An identifier, quoted only when it has to be. */
  static String ident(String name, String dialect) {
    boolean mysql = dialect.equals("mariadb") || dialect.equals("mysql");
    boolean plain = (mysql ? PLAIN_MYSQL : PLAIN).matcher(name).matches()
        && !RESERVED.contains(name.toLowerCase(Locale.ROOT));
    if (plain) {
      return name;
    }
    String q = mysql ? "`" : "\"";
    return q + name.replace(q, q + q) + q;
  }

  // --- estimates off ----------------------------------------------------------------------------

  /** Reports the deepest steps whose estimate is off; returns whether any step below is off. */
  private static boolean estimates(PlanNode n, String dialect, List<Finding> out, int depth) {
    boolean below = false;
    if (depth < 500) {
      for (PlanNode c : n.children()) {
        below |= estimates(c, dialect, out, depth + 1);
      }
    }
    boolean judged = n.relation() != null || join(n);
    if (!judged || n.actualRows() == null || n.estimatedRows() == null) {
      return below;
    }
    double a = n.actualRows();
    double e = n.estimatedRows();
    if (Math.max(a, e) < TINY_ROWS) {
      return below;
    }
    double factor = Math.max(a, e) / Math.max(1, Math.min(a, e));
    if (factor < ESTIMATE_OFF_FACTOR) {
      return below;
    }
    if (!below) {
      out.add(estimateOff(n, dialect, a, e, factor));
    }
    return true;
  }

  private static Finding estimateOff(PlanNode n, String dialect, double actual, double estimated,
      double factor) {
    String what = n.relation() != null ? n.qualifiedRelation() : n.operator();
    List<String> evidence = new ArrayList<>();
    evidence.add(n.operator() + (n.relation() == null ? "" : " on " + n.qualifiedRelation())
        + ": estimated " + count(estimated) + " rows, actually " + count(actual)
        + (loops(n) > 1 ? " (per loop, " + count(loops(n)) + " loops)" : ""));
    if (n.filter() != null) {
      evidence.add("filter: " + n.filter());
    }
    String advice;
    String reason;
    String confidence;
    if (n.relation() != null) {
      advice = analyzeStatement(n, dialect);
      evidence.add("statistics may be stale: " + advice + " refreshes them");
      confidence = Finding.MEDIUM;
      reason = "a filter on correlated columns or on an expression misleads the planner too,"
          + " with fresh statistics";
    } else {
      advice = "analyze the tables below it";
      evidence.add("join estimates go wrong with stale statistics of the inputs or with"
          + " correlated join columns");
      confidence = Finding.LOW;
      reason = "a join's estimate depends on several tables and columns";
    }
    return new Finding("row-estimate-off", n.id(), "Row estimate off by " + times(factor)
        + " on " + what + " (estimated " + count(estimated) + ", actually " + count(actual)
        + "): " + advice, evidence, confidence, reason, null);
  }

  private static String analyzeStatement(PlanNode n, String dialect) {
    String table = (n.schema() == null ? "" : ident(n.schema(), dialect) + ".")
        + ident(n.relation(), dialect);
    return switch (dialect) {
      case "mariadb", "mysql" -> "analyze table " + table;
      case "duckdb" -> "analyze " + table;
      default -> "analyze " + table;
    };
  }

  private static boolean join(PlanNode n) {
    String op = n.operator().toLowerCase(Locale.ROOT);
    return op.contains("join") || op.contains("nested loop") || op.equals("cross_product");
  }

  // --- spills -----------------------------------------------------------------------------------

  private static Finding spill(PlanNode n, String dialect) {
    List<String> evidence = new ArrayList<>();
    String title = null;
    String advice = switch (dialect) {
      case "postgres" -> "more work_mem for the query (set work_mem = '...' in its session)";
      case "duckdb" -> "more memory_limit, or fewer rows or columns into it";
      case "mariadb", "mysql" -> "a larger sort_buffer_size, or fewer rows to sort";
      default -> "more memory for it";
    };
    if ("Disk".equals(n.property("Sort Space Type"))) {
      title = "Sort spilled to disk";
      evidence.add("sort method " + n.property("Sort Method") + ", " + kb(n.property("Sort Space Used"))
          + " on disk");
    } else if (number(n.property("Hash Batches")) > 1) {
      title = "Hash spilled to disk in " + n.property("Hash Batches") + " batches";
      evidence.add("hash batches " + n.property("Hash Batches") + " (planned "
          + n.property("Original Hash Batches") + "), peak memory "
          + kb(n.property("Peak Memory Usage")));
    } else if (number(n.property("r_sort_passes")) > 0) {
      title = "Filesort merged through temporary files";
      evidence.add("r_sort_passes " + n.property("r_sort_passes") + " (sort mode "
          + n.property("r_sort_mode") + ", buffer " + n.property("r_buffer_size") + ")");
    } else if (number(n.property("query_system_peak_temp_dir_size")) > 0) {
      title = "The query spilled to disk";
      evidence.add("peak temporary directory size "
          + count(number(n.property("query_system_peak_temp_dir_size"))) + " bytes");
    } else if (number(n.property("system_peak_temp_dir_size")) > 0) {
      title = n.operator() + " spilled to disk";
      evidence.add("peak temporary directory size "
          + count(number(n.property("system_peak_temp_dir_size"))) + " bytes");
    }
    if (title == null) {
      return null;
    }
    if (n.actualRows() != null) {
      evidence.add(count(n.actualRows() * loops(n)) + " rows");
    }
    evidence.add("disk is slower than memory; " + advice + " keeps it in memory");
    return new Finding("spill-to-disk", n.id(), title + ": " + advice + " would keep it in memory",
        evidence, Finding.HIGH, "reported by the warehouse for this run", null);
  }

  private static String kb(String value) {
    return value == null ? "? kB" : count(number(value)) + " kB";
  }

  // --- nested loops -----------------------------------------------------------------------------

  static boolean nestedLoop(PlanNode n, String dialect) {
    return switch (dialect) {
      case "postgres", "mariadb", "mysql" -> n.operator().equals("Nested Loop")
          || n.operator().equals("Block Nested Loop");
      case "duckdb" -> Set.of("NESTED_LOOP_JOIN", "BLOCKWISE_NL_JOIN", "CROSS_PRODUCT")
          .contains(n.operator());
      default -> false;
    };
  }

  /** Rows of a side: in all, or per loop of the outer side (the inner side). */
  private static Double rows(PlanNode n, boolean analyzed, boolean perLoop, String dialect) {
    if (perLoop && (dialect.equals("mariadb") || dialect.equals("mysql"))) {
      // MariaDB: the rows a table step examines each time, before its filter
      String examined = n.property(analyzed && n.property("r_rows") != null ? "r_rows" : "rows");
      if (examined != null) {
        return number(examined);
      }
    }
    Double r = analyzed && n.actualRows() != null ? n.actualRows() : n.estimatedRows();
    if (r == null) {
      return null;
    }
    return perLoop || !analyzed || n.actualRows() == null ? r : r * loops(n);
  }

  private static Finding largeLoop(PlanNode n, String dialect, boolean analyzed) {
    Double outer = rows(n.children().get(0), analyzed, false, dialect);
    Double inner = rows(n.children().get(1), analyzed, true, dialect);
    if (outer == null || inner == null) {
      return null;
    }
    double product = outer * inner;
    if (!(outer >= LARGE_LOOP_SIDE && inner >= LARGE_LOOP_SIDE) && product < LARGE_LOOP_PRODUCT) {
      return null;
    }
    boolean measured = analyzed && n.children().get(0).actualRows() != null;
    List<String> evidence = List.of("outer side: " + count(outer) + " rows",
        "inner side: " + count(inner) + " rows for each outer row",
        "about " + count(product) + " row pairs compared");
    return new Finding("nested-loop-large", n.id(), "Nested loop over large inputs ("
        + count(outer) + " × " + count(inner) + " rows): a join condition the warehouse can hash"
        + " or an index on the inner side's join column would avoid it", evidence,
        Finding.MEDIUM, (measured ? "measured" : "from estimates")
        + "; a nested loop can still be right when the inner side is cached", null);
  }

  // --- joins without a condition ----------------------------------------------------------------

  private static Finding joinWithoutCondition(PlanNode n, String dialect, boolean analyzed) {
    PlanNode outer = n.children().get(0);
    PlanNode inner = n.children().get(1);
    if (!n.operator().equals("CROSS_PRODUCT")) {
      if (n.condition() != null || n.property("Join Filter") != null
          || n.joinType() != null && !n.joinType().equalsIgnoreCase("Inner")
              && !n.joinType().equalsIgnoreCase("BNL")) {
        return null;
      }
      Set<String> names = new LinkedHashSet<>();
      names(outer, names, 0);
      if (mentions(inner, names, 0)) {
        return null;
      }
    }
    Double o = rows(outer, analyzed, false, dialect);
    Double i = rows(inner, analyzed, true, dialect);
    if (o == null || i == null || o <= 1 || i <= 1) {
      return null;
    }
    List<String> evidence = List.of(n.operator() + " with no join condition: every row of one"
        + " side pairs with every row of the other",
        "outer side: " + count(o) + " rows, inner side: " + count(i) + " rows",
        "about " + count(o * i) + " rows out");
    return new Finding("join-without-condition", n.id(), "Join without a join condition ("
        + count(o) + " × " + count(i) + " rows): likely a missing ON", evidence, Finding.MEDIUM,
        "a cross join may be intended, or both join columns fixed to the same constant", null);
  }

  private static void names(PlanNode n, Set<String> out, int depth) {
    if (n.alias() != null) {
      out.add(n.alias().toLowerCase(Locale.ROOT));
    }
    if (n.relation() != null) {
      out.add(n.relation().toLowerCase(Locale.ROOT));
    }
    if (depth < 500) {
      n.children().forEach(c -> names(c, out, depth + 1));
    }
  }

  /** Whether a condition in the subtree names one of {@code names} ({@code name.column}). */
  private static boolean mentions(PlanNode n, Set<String> names, int depth) {
    List<String> texts = new ArrayList<>();
    texts.add(n.condition());
    texts.add(n.filter());
    for (String p : List.of("ref", "Index Cond", "Recheck Cond", "Join Filter", "Hash Cond",
        "Merge Cond", "Filter")) {
      texts.add(n.property(p));
    }
    for (String t : texts) {
      if (t == null) {
        continue;
      }
      String lower = t.toLowerCase(Locale.ROOT).replace("`", "").replace("\"", "");
      for (String name : names) {
        if (Pattern.compile("(^|[^a-z0-9_$])" + Pattern.quote(name) + "\\.").matcher(lower).find()) {
          return true;
        }
      }
    }
    if (depth < 500) {
      for (PlanNode c : n.children()) {
        if (mentions(c, names, depth + 1)) {
          return true;
        }
      }
    }
    return false;
  }

  // --- numbers ----------------------------------------------------------------------------------

  private static double loops(PlanNode n) {
    return n.loops() == null || n.loops() < 1 ? 1 : n.loops();
  }

  private static double number(String s) {
    if (s == null) {
      return 0;
    }
    try {
      return Double.parseDouble(s.strip());
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  /** 1,000,000 — whole numbers grouped; fractions rounded. */
  static String count(double d) {
    return String.format(Locale.ROOT, "%,d", Math.round(d));
  }

  /** 0.0001% — two significant digits under 1 %, one decimal above. */
  static String percent(double share) {
    double p = share * 100;
    if (p == 0) {
      return "0%";
    }
    if (p >= 1) {
      return String.format(Locale.ROOT, "%.1f%%", p);
    }
    return new BigDecimal(p).round(new MathContext(2)).stripTrailingZeros().toPlainString() + "%";
  }

  private static String times(double factor) {
    return factor >= 100 ? count(factor) + "x" : String.format(Locale.ROOT, "%.0fx", factor);
  }
}
