package dev.dbtls.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dbtls.index.compile.ProjectSnapshot;
import dev.dbtls.query.CatalogRead;
import dev.dbtls.query.DatabaseExplorer;
import dev.dbtls.query.ForeignKeyMemory;
import dev.dbtls.query.SchemaMemory;
import dev.dbtls.store.Store;
import dev.dbtls.store.StoreResult;
import dev.dbtls.warehouse.QueryCancel;
import dev.dbtls.warehouse.WarehouseCatalog;
import dev.dbtls.warehouse.WarehouseForeignKeys;
import dev.dbtls.warehouse.WarehouseForeignKeys.ForeignKey;
import dev.dbtls.warehouse.Warehouses;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code dbtls catalog}: the warehouse's schemas and relations next to the project node that builds
 * or reads each one, and the project's relations not built yet; the same data the editor's database
 * explorer shows. The warehouse's declared foreign keys are read with the schema, as the explorer
 * reads them, and shown per table. The columns and keys read are kept in the store where the editor
 * finds them ({@link SchemaMemory}, {@link ForeignKeyMemory}); a key read that fails is a warning,
 * the schema is still shown.
 */
@Command(
    name = "catalog",
    description =
        "List the target's schemas, relations and columns next to the project's models and sources.")
final class CatalogCommand implements Callable<Integer> {
  @Mixin ProjectOptions project;

  @Option(names = "--schema", description = "Only this schema")
  String schema;

  @Option(names = "--relation", description = "Show this relation's columns (NAME or SCHEMA.NAME)")
  String relation;

  @Option(names = "--format", description = "table or json (default: ${DEFAULT-VALUE})")
  String format = "table";

  @Option(
      names = "--no-store",
      description = "Do not keep the columns and foreign keys read in the store (for the editor)")
  boolean noStore;

  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  public Integer call() throws Exception {
    if (!List.of("table", "json").contains(format)) {
      System.err.println("error: --format must be table or json");
      return 2;
    }
    List<String> errors = new ArrayList<>();
    ProjectSnapshot snapshot = project.snapshot(errors, false);
    errors.forEach(e -> System.err.println("error: " + e));
    DatabaseExplorer explorer;
    WarehouseForeignKeys keys;
    try (Warehouses warehouses = new Warehouses()) {
      CatalogRead read = CatalogRead.run(snapshot, warehouses, new QueryCancel());
      WarehouseCatalog catalog = read.catalog();
      explorer = read.explorer();
      System.err.printf(
          "%d relations%s in %d ms from target '%s'%n",
          catalog.relationCount(),
          catalog.cut() ? " (cut: the warehouse has more)" : "",
          catalog.millis(),
          catalog.target());
      keys = read.keys();
      sayKeys(catalog, keys);
      if (!noStore) {
        keep(snapshot, read);
      }
    }
    if (explorer.error() != null) {
      System.err.println(
          "error " + explorer.error().code().id() + ": " + explorer.error().message());
      if (explorer.relations().isEmpty()) {
        return 1;
      }
    }
    List<DatabaseExplorer.Relation> shown =
        explorer.relations().stream()
            .filter(r -> schema == null || r.relation().schema().equalsIgnoreCase(schema))
            .toList();
    List<DatabaseExplorer.ProjectNode> notBuilt =
        explorer.notBuilt().stream()
            .filter(n -> schema == null || schema.equalsIgnoreCase(n.schema()))
            .toList();
    if (relation != null) {
      return columns(shown, keys);
    }
    List<ForeignKey> shownKeys =
        sorted(
            keys.keys().stream()
                .filter(k -> schema == null || k.schema().equalsIgnoreCase(schema))
                .toList());
    if (format.equals("json")) {
      ObjectNode json =
          JSON.valueToTree(
              new DatabaseExplorer(
                  explorer.target(), shown, notBuilt, explorer.cut(), explorer.error()));
      json.set("foreignKeys", JSON.valueToTree(shownKeys));
      json.set("foreignKeysError", JSON.valueToTree(keys.error()));
      System.out.println(JSON.writeValueAsString(json));
      return 0;
    }
    List<List<Object>> rows = new ArrayList<>();
    for (DatabaseExplorer.Relation r : shown) {
      rows.add(
          List.of(
              r.relation().database(),
              r.relation().schema(),
              r.relation().name(),
              r.relation().kind(),
              r.relation().columns().size(),
              r.known() ? r.node().uniqueId() : "-"));
    }
    System.out.print(
        TextTable.of(List.of("database", "schema", "relation", "kind", "columns", "node"), rows));
    if (!notBuilt.isEmpty()) {
      System.out.println();
      System.out.println("not built:");
      notBuilt.forEach(n -> System.out.println("  " + n.uniqueId() + " -> " + dotted(n)));
    }
    if (keys.ok()) {
      System.out.println();
      System.out.print(keysByTable(shownKeys, schema));
    }
    return 0;
  }

  /** How the foreign keys read went, on stderr; a failure is one warning line. */
  private static void sayKeys(WarehouseCatalog catalog, WarehouseForeignKeys keys) {
    if (!catalog.ok()) {
      return;
    }
    if (!keys.ok()) {
      System.err.println(
          "warning: foreign keys not read: "
              + oneLine(keys.error().message())
              + " (the schema was read; the ERD keeps the keys it had)");
      return;
    }
    System.err.printf(
        "%d foreign key%s in %d ms%n",
        keys.keys().size(), keys.keys().size() == 1 ? "" : "s", keys.millis());
  }

  /**
   * What was read, kept in the store as the editor's database explorer keeps it: the columns per
   * node (a whole schema only, not a cut one) for completion and hover, the keys for the ERD.
   */
  private static void keep(ProjectSnapshot snapshot, CatalogRead read) {
    if (!read.catalog().ok()) {
      return;
    }
    try (Store store = Store.open()) {
      store.notices().forEach(n -> System.err.println("dbtls: " + n));
      if (read.wholeSchema()) {
        StoreResult<Integer> columns =
            SchemaMemory.save(store, snapshot, read.explorer().columnsByNode());
        if (!columns.ok()) {
          System.err.println("dbtls: columns not kept for the editor: " + columns.error());
        }
      }
      StoreResult<Integer> saved = ForeignKeyMemory.save(store, snapshot, read.keys());
      if (!saved.ok()) {
        System.err.println("dbtls: foreign keys not kept for the editor: " + saved.error());
      }
    }
  }

  /**
   * The keys under the table that declares them, one line each: {@code name: (columns) ->
   * schema.table(columns)}; a line that says so when there are none.
   */
  static String keysByTable(List<ForeignKey> keys, String schema) {
    if (keys.isEmpty()) {
      return "foreign keys: none declared" + (schema == null ? "" : " in schema " + schema) + "\n";
    }
    boolean databases =
        keys.stream().map(k -> k.database().toLowerCase(Locale.ROOT)).distinct().count() > 1;
    Map<String, List<ForeignKey>> byTable = new LinkedHashMap<>();
    for (ForeignKey k : sorted(keys)) {
      byTable
          .computeIfAbsent(
              (databases && !k.database().isEmpty() ? k.database() + "." : "")
                  + k.schema()
                  + "."
                  + k.table(),
              t -> new ArrayList<>())
          .add(k);
    }
    StringBuilder out = new StringBuilder("foreign keys:\n");
    byTable.forEach(
        (table, ks) -> {
          out.append("  ").append(table).append('\n');
          ks.forEach(
              k ->
                  out.append("    ")
                      .append(named(k))
                      .append('(')
                      .append(columns(k.columns()))
                      .append(") -> ")
                      .append(referenced(k))
                      .append('(')
                      .append(columns(k.refColumns()))
                      .append(")\n"));
        });
    return out.toString();
  }

  private static List<ForeignKey> sorted(List<ForeignKey> keys) {
    return keys.stream()
        .sorted(
            Comparator.comparing((ForeignKey k) -> k.database().toLowerCase(Locale.ROOT))
                .thenComparing(k -> k.schema().toLowerCase(Locale.ROOT))
                .thenComparing(k -> k.table().toLowerCase(Locale.ROOT))
                .thenComparing(ForeignKey::name)
                .thenComparing(k -> String.join(",", k.columns())))
        .toList();
  }

  /** {@code name: }, or nothing for a key the warehouse does not name (SQLite). */
  private static String named(ForeignKey k) {
    return k.name().isEmpty() ? "" : k.name() + ": ";
  }

  /** The referenced table, with its database when that is not the key's own. */
  private static String referenced(ForeignKey k) {
    boolean other =
        !k.refDatabase().isEmpty()
            && !k.database().isEmpty()
            && !k.refDatabase().equalsIgnoreCase(k.database());
    return (other ? k.refDatabase() + "." : "") + k.refSchema() + "." + k.refTable();
  }

  private static String columns(List<String> columns) {
    return String.join(", ", columns.stream().map(c -> c == null ? "?" : c).toList());
  }

  private static String oneLine(String s) {
    String line = s == null ? "" : s.strip();
    int nl = line.indexOf('\n');
    return nl < 0 ? line : line.substring(0, nl).strip();
  }

  /** The columns of the one relation named by --relation, its foreign keys and the keys to it. */
  private int columns(List<DatabaseExplorer.Relation> shown, WarehouseForeignKeys keys)
      throws Exception {
    String wanted = relation.toLowerCase(Locale.ROOT);
    List<DatabaseExplorer.Relation> matches =
        shown.stream()
            .filter(
                r -> {
                  String name = r.relation().name().toLowerCase(Locale.ROOT);
                  String schemaName = r.relation().schema().toLowerCase(Locale.ROOT) + "." + name;
                  return wanted.equals(name)
                      || wanted.equals(schemaName)
                      || wanted.equals(
                          r.relation().database().toLowerCase(Locale.ROOT) + "." + schemaName);
                })
            .toList();
    if (matches.size() != 1) {
      System.err.println(
          "error: "
              + (matches.isEmpty()
                  ? "no relation named " + relation
                  : matches.size() + " relations named " + relation + "; give SCHEMA.NAME"));
      return 1;
    }
    DatabaseExplorer.Relation r = matches.get(0);
    WarehouseCatalog.Relation rel = r.relation();
    List<ForeignKey> outgoing =
        sorted(
            keys.keys().stream()
                .filter(k -> same(rel, k.database(), k.schema(), k.table()))
                .toList());
    List<ForeignKey> incoming =
        sorted(
            keys.keys().stream()
                .filter(k -> same(rel, k.refDatabase(), k.refSchema(), k.refTable()))
                .toList());
    if (format.equals("json")) {
      ObjectNode json = JSON.valueToTree(r);
      json.set("foreignKeys", JSON.valueToTree(outgoing));
      json.set("referencedBy", JSON.valueToTree(incoming));
      json.set("foreignKeysError", JSON.valueToTree(keys.error()));
      System.out.println(JSON.writeValueAsString(json));
      return 0;
    }
    List<List<Object>> rows = new ArrayList<>();
    r.relation().columns().forEach(c -> rows.add(List.of(c.name(), c.type(), c.databaseType())));
    System.out.print(TextTable.of(List.of("column", "type", "database type"), rows));
    if (keys.ok()) {
      System.out.println();
      System.out.println(outgoing.isEmpty() ? "foreign keys: none" : "foreign keys:");
      outgoing.forEach(
          k ->
              System.out.println(
                  "  "
                      + named(k)
                      + "("
                      + columns(k.columns())
                      + ") -> "
                      + referenced(k)
                      + "("
                      + columns(k.refColumns())
                      + ")"));
      System.out.println(incoming.isEmpty() ? "referenced by: none" : "referenced by:");
      incoming.forEach(
          k ->
              System.out.println(
                  "  "
                      + named(k)
                      + k.schema()
                      + "."
                      + k.table()
                      + "("
                      + columns(k.columns())
                      + ") -> ("
                      + columns(k.refColumns())
                      + ")"));
    }
    System.err.println(
        r.relation().kind()
            + " "
            + r.relation().schema()
            + "."
            + r.relation().name()
            + (r.known() ? " (" + r.node().uniqueId() + ")" : " (unknown to the project)"));
    return 0;
  }

  /**
   * Whether the key's table (or referenced table) is the relation; an empty database matches any.
   */
  private static boolean same(
      WarehouseCatalog.Relation r, String database, String schemaName, String table) {
    Predicate<String> db =
        d ->
            d.isEmpty()
                || r.database() == null
                || r.database().isEmpty()
                || d.equalsIgnoreCase(r.database());
    return table.equalsIgnoreCase(r.name())
        && schemaName.equalsIgnoreCase(r.schema())
        && db.test(database);
  }

  private static String dotted(DatabaseExplorer.ProjectNode n) {
    return (n.database() == null || n.database().isEmpty() ? "" : n.database() + ".")
        + n.schema()
        + "."
        + n.identifier();
  }
}
