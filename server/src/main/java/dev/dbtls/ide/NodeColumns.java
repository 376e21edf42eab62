package dev.dbtls.ide;

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
 * The columns of a node (model, seed, snapshot, source table) as every feature sees them: SQL
 * and YAML completion, column hover, the catalog checks. The sources, in this precedence:
 * <ol>
 *   <li>property YAML, what the project writes: a column's spelling and description;
 *   <li>{@code target/catalog.json}, what the warehouse had at {@code dbt docs generate}: which
 *       columns exist and in what order, their types, the comment when YAML has no description;
 *   <li>the warehouse cache (columns the database explorer read), standing in for catalog.json
 *       for a relation catalog.json does not describe ({@link ProjectCatalog} merges the two).
 * </ol>
 * So: the warehouse's columns in its order, then those only YAML declares, in YAML order. Names
 * match ignoring case and YAML's quotes ({@code "Order Date"}), as warehouses fold unquoted names.
 */
final class NodeColumns {
  private NodeColumns() {}

  /**
   * One column: {@code type} and {@code description} may be null; {@code yaml} is its entry in
   * property YAML and {@code warehouse} its catalog column, either null when that source lacks it.
   */
  record Column(String name, String type, String description, ColumnSpec yaml,
      Catalog.Column warehouse) {}

  /** Every column of {@code n}, one per name; {@code catalog} may be null (none). */
  static List<Column> of(Catalog catalog, Node n) {
    List<Column> out = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (Catalog.Column c : catalog == null ? List.<Catalog.Column>of() : catalog.columns(n.uniqueId())) {
      ColumnSpec spec = yaml(n, c.name());
      names.add(c.name().toLowerCase(Locale.ROOT));
      out.add(new Column(spec != null ? spec.name() : c.name(),
          c.type() != null ? c.type() : spec != null ? spec.dataType() : null,
          spec != null && isSet(spec.description()) ? spec.description() : c.comment(), spec, c));
    }
    for (ColumnSpec spec : n.columns()) {
      if (names.add(unquoted(spec.name()).toLowerCase(Locale.ROOT))) {
        out.add(new Column(spec.name(), spec.dataType(), spec.description(), spec, null));
      }
    }
    return out;
  }

  /** The column of that name (ignoring case and YAML's quotes), if any source has it. */
  static Optional<Column> column(Catalog catalog, Node n, String name) {
    String wanted = unquoted(name);
    return of(catalog, n).stream().filter(c -> unquoted(c.name()).equalsIgnoreCase(wanted))
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
    return name.length() > 1 && (name.startsWith("\"") && name.endsWith("\"")
        || name.startsWith("`") && name.endsWith("`")) ? name.substring(1, name.length() - 1) : name;
  }
}
