package dev.dbtls.jinja;

import dev.dbtls.project.Adapter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * dbt's {@code api.Relation}: database, schema and identifier, rendered with the adapter's quoting
 * and include policy. What {@code ref()}, {@code source()} and {@code this} return.
 */
public record Relation(
    String database,
    String schema,
    String identifier,
    String type,
    Adapter adapter,
    boolean quoteDatabase,
    boolean quoteSchema,
    boolean quoteIdentifier,
    boolean includeDatabase,
    boolean includeSchema,
    boolean includeIdentifier,
    Integer limit)
    implements PyObject {

  public static Relation of(Adapter adapter, String database, String schema, String identifier) {
    return new Relation(
        database,
        schema,
        identifier,
        "table",
        adapter,
        adapter.quoteDatabase(),
        adapter.quoteSchema(),
        adapter.quoteIdentifier(),
        adapter.includeDatabase(),
        true,
        true,
        null);
  }

  public Relation withQuoting(Boolean database, Boolean schema, Boolean identifier) {
    return new Relation(
        this.database,
        this.schema,
        this.identifier,
        type,
        adapter,
        database == null ? quoteDatabase : database,
        schema == null ? quoteSchema : schema,
        identifier == null ? quoteIdentifier : identifier,
        includeDatabase,
        includeSchema,
        includeIdentifier,
        limit);
  }

  public Relation withInclude(Boolean database, Boolean schema, Boolean identifier) {
    return new Relation(
        this.database,
        this.schema,
        this.identifier,
        type,
        adapter,
        quoteDatabase,
        quoteSchema,
        quoteIdentifier,
        database == null ? includeDatabase : database,
        schema == null ? includeSchema : schema,
        identifier == null ? includeIdentifier : identifier,
        limit);
  }

  /**
   * The relation's schema as {@code create schema} and {@code drop schema} name it: {@code
   * "db"."schema"} where the database is a catalog the statement takes (DuckDB), the schema alone
   * on PostgreSQL (and Redshift), MySQL and MariaDB.
   */
  public String renderSchema() {
    List<String> lineage = adapter.lineage();
    boolean database =
        !lineage.contains("postgres") && !lineage.contains("mysql") && !lineage.contains("mariadb");
    return withInclude(database ? null : false, null, false).renderName();
  }

  public Relation withType(String newType) {
    return new Relation(
        database,
        schema,
        identifier,
        newType,
        adapter,
        quoteDatabase,
        quoteSchema,
        quoteIdentifier,
        includeDatabase,
        includeSchema,
        includeIdentifier,
        limit);
  }

  /**
   * dbt's {@code --empty}: the relation as a query of no rows ({@code (select * from x where false
   * limit 0) _dbt_limit_subq_x}), so a model builds with its columns and no data.
   */
  public Relation withLimit(Integer rows) {
    return new Relation(
        database,
        schema,
        identifier,
        type,
        adapter,
        quoteDatabase,
        quoteSchema,
        quoteIdentifier,
        includeDatabase,
        includeSchema,
        includeIdentifier,
        rows);
  }

  public String render() {
    String name = renderName();
    if (limit == null) {
      return name;
    }
    String alias =
        "_dbt_limit_subq_" + (identifier == null ? "" : identifier.replaceAll("\\W", "_"));
    return "(select * from "
        + name
        + (limit == 0 ? " where false limit 0" : " limit " + limit)
        + ") "
        + alias;
  }

  /** The name alone, however it is limited. */
  private String renderName() {
    List<String> parts = new ArrayList<>(3);
    if (includeDatabase && notBlank(database)) {
      parts.add(quoteDatabase ? adapter.quote(database) : database);
    }
    if (includeSchema && notBlank(schema)) {
      parts.add(quoteSchema ? adapter.quote(schema) : schema);
    }
    if (includeIdentifier && notBlank(identifier)) {
      parts.add(quoteIdentifier ? adapter.quote(identifier) : identifier);
    }
    return String.join(".", parts);
  }

  private static boolean notBlank(String s) {
    return s != null && !s.isEmpty();
  }

  @Override
  public String toString() {
    return render();
  }

  @Override
  public Object attr(String name) {
    return switch (name) {
      case "database" -> database;
      case "schema" -> schema;
      case "identifier", "name", "table" -> identifier;
      case "type" -> type;
      case "is_table" -> "table".equals(type);
      case "is_view" -> "view".equals(type);
      case "is_cte" -> "cte".equals(type);
      case "is_materialized_view" -> "materialized_view".equals(type);
      case "quote_character" -> String.valueOf(adapter.quoteChar());
      default -> MISSING;
    };
  }

  @Override
  public Object call(String method, List<Object> args, Map<String, Object> kwargs) {
    return switch (method) {
      case "render" -> render();
      case "include" ->
          withInclude(flag(kwargs, "database"), flag(kwargs, "schema"), flag(kwargs, "identifier"));
      case "quote" ->
          withQuoting(flag(kwargs, "database"), flag(kwargs, "schema"), flag(kwargs, "identifier"));
      case "incorporate" -> incorporate(kwargs);
      case "replace_path" -> replacePath(kwargs);
      case "without_identifier" -> withInclude(null, null, false);
      case "information_schema" ->
          InformationSchema.of(this, args.isEmpty() ? kwargs.get("view_name") : args.get(0));
      case "information_schema_only" -> InformationSchema.of(this, null);
      case "get" -> {
        if (!args.isEmpty() && "metadata".equals(args.get(0))) {
          yield Map.of(
              "type", "BaseRelation"); // what dbt returns, so dbt_utils' _is_relation passes
        }
        Object v = args.isEmpty() ? MISSING : attr(String.valueOf(args.get(0)));
        yield v == MISSING ? (args.size() > 1 ? args.get(1) : null) : v;
      }
      default -> MISSING;
    };
  }

  private Relation incorporate(Map<String, Object> kwargs) {
    Relation r = this;
    if (kwargs.get("type") != null) {
      r = r.withType(String.valueOf(kwargs.get("type")));
    }
    if (kwargs.get("path") instanceof Map<?, ?> path) {
      r = r.replacePath(castMap(path));
    }
    return r;
  }

  private Relation replacePath(Map<String, Object> kwargs) {
    return new Relation(
        str(kwargs, "database", database),
        str(kwargs, "schema", schema),
        str(kwargs, "identifier", identifier),
        type,
        adapter,
        quoteDatabase,
        quoteSchema,
        quoteIdentifier,
        includeDatabase,
        includeSchema,
        includeIdentifier,
        limit);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> castMap(Map<?, ?> m) {
    return (Map<String, Object>) m;
  }

  private static String str(Map<String, Object> kwargs, String key, String fallback) {
    return kwargs.containsKey(key)
        ? (kwargs.get(key) == null ? null : String.valueOf(kwargs.get(key)))
        : fallback;
  }

  private static Boolean flag(Map<String, Object> kwargs, String key) {
    Object v = kwargs.get(key);
    return v instanceof Boolean b ? b : null;
  }
}
