package dev.dbtls.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dbtls.query.DatabaseExplorer;
import dev.dbtls.index.compile.ProjectSnapshot;
import dev.dbtls.warehouse.QueryCancel;
import dev.dbtls.warehouse.WarehouseCatalog;
import dev.dbtls.warehouse.Warehouses;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code dbtls catalog}: the warehouse's schemas and relations next to the project node that
 * builds or reads each one, and the project's relations not built yet; the same data the editor's
 * database explorer shows.
 */
@Command(name = "catalog", description = "List the target's schemas, relations and columns next to the project's models and sources.")
final class CatalogCommand implements Callable<Integer> {
  @Mixin ProjectOptions project;

  @Option(names = "--schema", description = "Only this schema")
  String schema;

  @Option(names = "--relation", description = "Show this relation's columns (NAME or SCHEMA.NAME)")
  String relation;

  @Option(names = "--format", description = "table or json (default: ${DEFAULT-VALUE})")
  String format = "table";

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
    try (Warehouses warehouses = new Warehouses()) {
      WarehouseCatalog catalog = WarehouseCatalog.of(warehouses, snapshot.inputs(), new QueryCancel());
      explorer = DatabaseExplorer.merge(snapshot, catalog);
      System.err.printf("%d relations%s in %d ms from target '%s'%n", catalog.relationCount(),
          catalog.cut() ? " (cut: the warehouse has more)" : "", catalog.millis(), catalog.target());
    }
    if (explorer.error() != null) {
      System.err.println("error " + explorer.error().code().id() + ": " + explorer.error().message());
      if (explorer.relations().isEmpty()) {
        return 1;
      }
    }
    List<DatabaseExplorer.Relation> shown = explorer.relations().stream()
        .filter(r -> schema == null || r.relation().schema().equalsIgnoreCase(schema)).toList();
    List<DatabaseExplorer.ProjectNode> notBuilt = explorer.notBuilt().stream()
        .filter(n -> schema == null || schema.equalsIgnoreCase(n.schema())).toList();
    if (relation != null) {
      return columns(shown);
    }
    if (format.equals("json")) {
      System.out.println(new ObjectMapper().writeValueAsString(new DatabaseExplorer(explorer.target(),
          shown, notBuilt, explorer.cut(), explorer.error())));
      return 0;
    }
    List<List<Object>> rows = new ArrayList<>();
    for (DatabaseExplorer.Relation r : shown) {
      rows.add(List.of(r.relation().database(), r.relation().schema(), r.relation().name(),
          r.relation().kind(), r.relation().columns().size(), r.known() ? r.node().uniqueId() : "-"));
    }
    System.out.print(TextTable.of(List.of("database", "schema", "relation", "kind", "columns", "node"),
        rows));
    if (!notBuilt.isEmpty()) {
      System.out.println();
      System.out.println("not built:");
      notBuilt.forEach(n -> System.out.println("  " + n.uniqueId() + " -> " + dotted(n)));
    }
    return 0;
  }

  /** The columns of the one relation named by --relation. */
  private int columns(List<DatabaseExplorer.Relation> shown) throws Exception {
    String wanted = relation.toLowerCase(Locale.ROOT);
    List<DatabaseExplorer.Relation> matches = shown.stream().filter(r -> {
      String name = r.relation().name().toLowerCase(Locale.ROOT);
      String schemaName = r.relation().schema().toLowerCase(Locale.ROOT) + "." + name;
      return wanted.equals(name) || wanted.equals(schemaName)
          || wanted.equals(r.relation().database().toLowerCase(Locale.ROOT) + "." + schemaName);
    }).toList();
    if (matches.size() != 1) {
      System.err.println("error: " + (matches.isEmpty() ? "no relation named " + relation
          : matches.size() + " relations named " + relation + "; give SCHEMA.NAME"));
      return 1;
    }
    DatabaseExplorer.Relation r = matches.get(0);
    if (format.equals("json")) {
      System.out.println(new ObjectMapper().writeValueAsString(r));
      return 0;
    }
    List<List<Object>> rows = new ArrayList<>();
    r.relation().columns().forEach(c -> rows.add(List.of(c.name(), c.type(), c.databaseType())));
    System.out.print(TextTable.of(List.of("column", "type", "database type"), rows));
    System.err.println(r.relation().kind() + " " + r.relation().schema() + "." + r.relation().name()
        + (r.known() ? " (" + r.node().uniqueId() + ")" : " (unknown to the project)"));
    return 0;
  }

  private static String dotted(DatabaseExplorer.ProjectNode n) {
    return (n.database() == null || n.database().isEmpty() ? "" : n.database() + ".") + n.schema()
        + "." + n.identifier();
  }
}
