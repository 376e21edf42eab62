package dev.dbtls.ide;

import dev.dbtls.columns.InferredColumn;
import dev.dbtls.columns.Origin;
import dev.dbtls.columns.QueryColumns;
import dev.dbtls.columns.RelationColumns;
import dev.dbtls.index.Catalog;
import dev.dbtls.index.Node;
import dev.dbtls.project.properties.ColumnSpec;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The columns of a node (model, seed, snapshot, source table) as every feature sees them: SQL and
 * YAML completion, column hover, the catalog checks. The sources, in this precedence:
 *
 * <ol>
 *   <li>property YAML, what the project writes: a column's spelling and description;
 *   <li>{@code target/catalog.json}, what the warehouse had at {@code dbt docs generate}: which
 *       columns exist and in what order, their types, the comment when YAML has no description;
 *   <li>the warehouse cache (columns the database explorer read), standing in for catalog.json for
 *       a relation catalog.json does not describe ({@link ProjectCatalog} merges the two).
 * </ol>
 *
 * So: the warehouse's columns in its order, then those only YAML declares, in YAML order. Names
 * match ignoring case and YAML's quotes ({@code "Order Date"}), as warehouses fold unquoted names.
 *
 * <p>Columns inferred from the SQL ({@link ColumnsTable}) join in by {@link #known}, the one answer
 * to "which columns does this relation have" for the inference of its children, and by {@link
 * #of(Catalog, ColumnsTable.Entry, Node)} for the features:
 *
 * <ul>
 *   <li>which columns, in what order: the SQL's when its inference is complete (the current SQL is
 *       fresher than the last {@code dbt docs generate}); else catalog.json / the warehouse cache;
 *       else a seed's CSV header; else the SQL's known columns plus those only YAML declares,
 *       marked incomplete (YAML need not list every column);
 *   <li>a column's type: catalog / warehouse, else YAML's {@code data_type}, else what the SQL says
 *       (a cast, a literal, a parent's type passed through);
 *   <li>its description: YAML, else the catalog's comment.
 * </ul>
 */
public final class NodeColumns {
  private NodeColumns() {}

  /**
   * One column: {@code type} and {@code description} may be null; {@code yaml} is its entry in
   * property YAML and {@code warehouse} its catalog column, either null when that source lacks it.
   */
  public record Column(
      String name,
      String type,
      String description,
      ColumnSpec yaml,
      Catalog.Column warehouse,
      dev.dbtls.columns.InferredColumn inferred) {
    Column(
        String name, String type, String description, ColumnSpec yaml, Catalog.Column warehouse) {
      this(name, type, description, yaml, warehouse, null);
    }
  }

  /**
   * Every column of {@code n} with what its SQL inference adds ({@code inferred} null: none): the
   * precedence of the class comment.
   */
  static List<Column> of(Catalog catalog, ColumnsTable.Entry inferred, Node n) {
    if (inferred == null || inferred.known().columns().isEmpty()) {
      return of(catalog, n);
    }
    List<Column> out = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (InferredColumn c : inferred.known().columns()) {
      ColumnSpec spec = yaml(n, c.name());
      Catalog.Column w =
          catalog == null ? null : catalog.column(n.uniqueId(), c.name()).orElse(null);
      names.add(c.name().toLowerCase(Locale.ROOT));
      out.add(
          new Column(
              spec != null ? spec.name() : c.name(),
              c.type(),
              spec != null && isSet(spec.description())
                  ? spec.description()
                  : w != null ? w.comment() : null,
              spec,
              w,
              c));
    }
    for (Column c : of(catalog, n)) {
      if (names.add(unquoted(c.name()).toLowerCase(Locale.ROOT))) {
        out.add(c);
      }
    }
    return out;
  }

  /**
   * The columns of {@code n} as its children's inference sees them, each with where its name and
   * type came from. {@code inferred} is its own SQL's inference (null for seeds and sources),
   * {@code seedHeader} a seed's CSV header (null otherwise).
   */
  public static RelationColumns known(
      Catalog catalog, Node n, QueryColumns inferred, List<String> seedHeader) {
    String id = n.uniqueId();
    List<Catalog.Column> cat = catalog == null ? List.of() : catalog.columns(id);
    List<InferredColumn> out = new ArrayList<>();
    if (inferred != null && inferred.output().complete()) {
      for (InferredColumn c : inferred.output().columns()) {
        out.add(typed(catalog, n, c));
      }
      return RelationColumns.complete(out);
    }
    if (!cat.isEmpty()) {
      for (Catalog.Column c : cat) {
        InferredColumn fromSql =
            inferred == null ? null : inferred.output().column(c.name()).orElse(null);
        out.add(
            typed(
                catalog,
                n,
                new InferredColumn(
                    c.name(),
                    null,
                    Origin.of(Origin.Kind.CATALOG, id),
                    null,
                    fromSql == null ? List.of() : fromSql.upstream())));
      }
      return RelationColumns.complete(out);
    }
    if (seedHeader != null) {
      for (String h : seedHeader) {
        out.add(
            typed(
                catalog,
                n,
                new InferredColumn(
                    h, null, Origin.of(Origin.Kind.SEED_FILE, id), null, List.of())));
      }
      return RelationColumns.complete(out);
    }
    Set<String> names = new HashSet<>();
    List<String> gaps = new ArrayList<>();
    if (inferred != null) {
      for (InferredColumn c : inferred.output().columns()) {
        names.add(c.name().toLowerCase(Locale.ROOT));
        out.add(typed(catalog, n, c));
      }
      gaps.addAll(inferred.output().gaps());
    }
    for (ColumnSpec spec : n.columns()) {
      if (names.add(unquoted(spec.name()).toLowerCase(Locale.ROOT))) {
        out.add(
            new InferredColumn(
                unquoted(spec.name()),
                spec.dataType(),
                Origin.of(Origin.Kind.YAML, id),
                spec.dataType() == null ? null : Origin.of(Origin.Kind.YAML, id),
                List.of()));
      }
    }
    if (inferred == null) {
      gaps.add(
          n.columns().isEmpty()
              ? "no catalog.json entry and no columns in YAML"
              : "only YAML lists its columns (no catalog.json entry): there may be more");
    }
    return new RelationColumns(out, false, gaps);
  }

  /** The catalog's type, else YAML's data_type, else the SQL's. */
  private static InferredColumn typed(Catalog catalog, Node n, InferredColumn c) {
    Catalog.Column w = catalog == null ? null : catalog.column(n.uniqueId(), c.name()).orElse(null);
    if (w != null && w.type() != null) {
      return new InferredColumn(
          c.name(),
          w.type(),
          c.nameOrigin(),
          Origin.of(Origin.Kind.CATALOG, n.uniqueId()),
          c.upstream());
    }
    ColumnSpec spec = yaml(n, c.name());
    if (spec != null && spec.dataType() != null) {
      return new InferredColumn(
          c.name(),
          spec.dataType(),
          c.nameOrigin(),
          Origin.of(Origin.Kind.YAML, n.uniqueId()),
          c.upstream());
    }
    return c;
  }

  /** Every column of {@code n}, one per name; {@code catalog} may be null (none). */
  static List<Column> of(Catalog catalog, Node n) {
    List<Column> out = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (Catalog.Column c :
        catalog == null ? List.<Catalog.Column>of() : catalog.columns(n.uniqueId())) {
      ColumnSpec spec = yaml(n, c.name());
      names.add(c.name().toLowerCase(Locale.ROOT));
      out.add(
          new Column(
              spec != null ? spec.name() : c.name(),
              c.type() != null ? c.type() : spec != null ? spec.dataType() : null,
              spec != null && isSet(spec.description()) ? spec.description() : c.comment(),
              spec,
              c));
    }
    for (ColumnSpec spec : n.columns()) {
      if (names.add(unquoted(spec.name()).toLowerCase(Locale.ROOT))) {
        out.add(new Column(spec.name(), spec.dataType(), spec.description(), spec, null));
      }
    }
    return out;
  }

  /**
   * Every column of {@code n} for the features of snapshot {@code s}: with the columns inferred
   * from SQL when the newest complete table ({@link ColumnsTable}) has them, or in a session's
   * first minutes the table being inferred, once it has them ({@link ProjectFacts}).
   */
  static List<Column> of(dev.dbtls.index.compile.ProjectSnapshot s, Catalog catalog, Node n) {
    ColumnsTable table = s == null ? null : SnapshotData.of(s).facts().readableColumns();
    return of(catalog, table == null ? null : table.entry(n.uniqueId()).orElse(null), n);
  }

  /** The column of that name with what its SQL inference adds, if any source has it. */
  static Optional<Column> column(
      dev.dbtls.index.compile.ProjectSnapshot s, Catalog catalog, Node n, String name) {
    String wanted = unquoted(name);
    return of(s, catalog, n).stream()
        .filter(c -> unquoted(c.name()).equalsIgnoreCase(wanted))
        .findFirst();
  }

  /** The column of that name (ignoring case and YAML's quotes), if any source has it. */
  static Optional<Column> column(Catalog catalog, Node n, String name) {
    String wanted = unquoted(name);
    return of(catalog, n).stream()
        .filter(c -> unquoted(c.name()).equalsIgnoreCase(wanted))
        .findFirst();
  }

  private static ColumnSpec yaml(Node n, String catalogName) {
    for (ColumnSpec c : n.columns()) {
      if (unquoted(c.name()).equalsIgnoreCase(catalogName)) {
        return c;
      }
    }
    return null;
  }

  private static boolean isSet(String s) {
    return s != null && !s.isBlank();
  }

  /** {@code "Order Date"} as YAML may write a quoted column: the name inside the quotes. */
  static String unquoted(String name) {
    return name.length() > 1
            && (name.startsWith("\"") && name.endsWith("\"")
                || name.startsWith("`") && name.endsWith("`"))
        ? name.substring(1, name.length() - 1)
        : name;
  }
}
