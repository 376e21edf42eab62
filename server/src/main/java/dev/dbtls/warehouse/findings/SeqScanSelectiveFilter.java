package dev.dbtls.warehouse.findings;

import static dev.dbtls.warehouse.findings.PlanFigures.count;
import static dev.dbtls.warehouse.findings.PlanFigures.loops;
import static dev.dbtls.warehouse.findings.PlanFigures.number;
import static dev.dbtls.warehouse.findings.PlanFigures.percent;

import dev.dbtls.warehouse.FilterColumns;
import dev.dbtls.warehouse.Finding;
import dev.dbtls.warehouse.IndexSuggestion;
import dev.dbtls.warehouse.PlanNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code seq-scan-selective-filter}: a full scan of a large table (at least {@link
 * #LARGE_TABLE_ROWS} rows) whose filter keeps under {@link #SELECTIVE_SHARE} of them (measured when
 * analyzed, else estimated), with the index on the filter's columns that would serve it. DuckDB:
 * only for equality or IN filters, as its ART indexes serve point lookups and not ranges.
 */
final class SeqScanSelectiveFilter implements PlanRule {
  static final String KIND = "seq-scan-selective-filter";

  /** A table this large is worth an index for a selective filter. */
  static final double LARGE_TABLE_ROWS = 100_000;

  /** A filter keeping less than this share of a table's rows is selective. */
  static final double SELECTIVE_SHARE = 0.05;

  /** Whether the step reads every row of its table. */
  static boolean seqScan(PlanNode n, String dialect) {
    return switch (dialect) {
      case "postgres" ->
          n.operator().equals("Seq Scan") || n.operator().equals("Parallel Seq Scan");
      case "duckdb" ->
          (n.operator().equals("SEQ_SCAN") || n.operator().equals("TABLE_SCAN"))
              && !"Index Scan".equals(n.property("Type"));
      case "mariadb", "mysql" -> "ALL".equals(n.property("access_type"));
      default -> false;
    };
  }

  @Override
  public Finding at(PlanNode n, PlanScope scope) {
    String dialect = scope.dialect();
    Map<String, Double> sizes = scope.tableRows();
    boolean analyzed = scope.analyzed();
    if (!seqScan(n, dialect) || n.filter() == null || n.relation() == null) {
      return null;
    }
    Double tableRows = tableRows(n, dialect, sizes, analyzed);
    boolean measured = analyzed && n.actualRows() != null;
    Double kept =
        measured
            ? n.actualRows() * loops(n)
            : n.estimatedRows() == null ? null : n.estimatedRows() * scope.processes();
    if (tableRows == null || kept == null || tableRows < LARGE_TABLE_ROWS) {
      return null;
    }
    double share = kept / tableRows;
    if (share >= SELECTIVE_SHARE) {
      return null;
    }
    FilterColumns columns = FilterColumns.of(n.filter());
    List<String> indexColumns =
        dialect.equals("duckdb") ? columns.equality() : columns.indexColumns();
    if (indexColumns.isEmpty()) {
      return null;
    }
    IndexSuggestion index = IndexSql.index(n, dialect, indexColumns);
    String table = n.qualifiedRelation();
    List<String> evidence = new ArrayList<>();
    evidence.add(
        table + ": " + count(tableRows) + " rows" + (sizes.isEmpty() ? "" : " (table statistics)"));
    // PostgreSQL gives actual rows per loop, rounded: 1 row found by one of 3 workers reads 0
    boolean roundedAway = measured && n.actualRows() == 0 && loops(n) > 1;
    double bound = Math.ceil(loops(n) / 2.0);
    String sharePhrase = roundedAway ? "under " + percent(bound / tableRows) : percent(share);
    evidence.add(
        "filter "
            + n.filter()
            + " keeps "
            + (roundedAway ? "under " + count(bound) : (measured ? "" : "~") + count(kept))
            + " ("
            + sharePhrase
            + (measured ? ", measured" : ", estimated")
            + (roundedAway
                ? "; the warehouse rounds rows per loop, " + count(loops(n)) + " loops"
                : "")
            + ")");
    evidence.add(
        "the scan reads every row of the table; an index on ("
            + String.join(", ", indexColumns)
            + ") reads only the matching ones");
    String confidence;
    String reason;
    if (dialect.equals("duckdb")) {
      evidence.add(
          "DuckDB's ART indexes speed up point lookups (equality, IN), not range filters;"
              + " its scans are fast and skip row groups by min/max, so measure before keeping it");
      confidence = Finding.MEDIUM;
      reason =
          "DuckDB uses an ART index only for point lookups, and its scans are often fast"
              + " enough";
    } else if (measured) {
      confidence = Finding.HIGH;
      reason = "measured: the query ran and the filter kept " + sharePhrase + " of the rows";
    } else {
      confidence = Finding.MEDIUM;
      reason = "from the planner's estimate; analyze to measure";
    }
    return new Finding(
        KIND,
        n.id(),
        "Full scan of "
            + table
            + " keeps "
            + sharePhrase
            + " of "
            + count(tableRows)
            + " rows: an index on ("
            + String.join(", ", indexColumns)
            + ") would serve the filter",
        evidence,
        confidence,
        reason,
        index);
  }

  private static Double tableRows(
      PlanNode n, String dialect, Map<String, Double> sizes, boolean analyzed) {
    String q = n.qualifiedRelation();
    for (Map.Entry<String, Double> e : sizes.entrySet()) {
      if (e.getKey().equalsIgnoreCase(q)
          || n.schema() == null
              && e.getKey()
                  .toLowerCase(Locale.ROOT)
                  .endsWith("." + n.relation().toLowerCase(Locale.ROOT))) {
        return e.getValue();
      }
    }
    // no statistics: what the scan itself read
    return switch (dialect) {
      case "postgres" ->
          analyzed && n.actualRows() != null
              ? (n.actualRows() + number(n.property("Rows Removed by Filter"))) * loops(n)
              : null;
      case "duckdb" ->
          n.property("operator_rows_scanned") == null
              ? null
              : number(n.property("operator_rows_scanned"));
      case "mariadb", "mysql" -> {
        String key =
            analyzed && n.property("r_rows") != null
                ? "r_rows"
                : n.property("rows") != null ? "rows" : "rows_examined_per_scan";
        yield n.property(key) == null ? null : number(n.property(key));
      }
      default -> null;
    };
  }
}
