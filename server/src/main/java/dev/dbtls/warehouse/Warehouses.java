package dev.dbtls.warehouse;

import dev.dbtls.project.ProblemCode;
import dev.dbtls.project.ProjectInputs;
import dev.dbtls.project.Target;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every open warehouse of the server: one pool per (project folder, target name). A pool is
 * replaced (the old one closed) when the target's fields change, e.g. after profiles.yml was
 * edited; {@link #close()} closes them all (the language server calls it at exit). The one-call
 * entry points for the LSP and CLI ({@link #preview}, {@link #page}, {@link #profile}) never throw.
 */
public final class Warehouses implements AutoCloseable {
  private record Key(Path projectDir, String target) {}

  /** {@code dbtls.warehouse.allowFileReads}, for the warehouses open now and those opened later. */
  private volatile boolean allowFileReads;

  /**
   * Whether SQL may read any file through the warehouses' file functions (default: only the
   * project's).
   */
  public synchronized void allowFileReads(boolean any) {
    this.allowFileReads = any;
    open.values().forEach(e -> e.warehouse().allowFileReads(any));
  }

  /**
   * {@code dbtls.warehouse.maxBytesScanned}: the bytes a BigQuery preview may read (0: no limit).
   */
  private volatile long maxBytesScanned;

  /** The most bytes a preview may scan on an engine that bills by bytes (0: no limit of ours). */
  public synchronized void maxBytesScanned(long bytes) {
    this.maxBytesScanned = bytes;
    open.values().forEach(e -> e.warehouse().maxBytesScanned(bytes));
  }

  private record Entry(Target target, Warehouse warehouse) {}

  private final Map<Key, Entry> open = new ConcurrentHashMap<>();
  private volatile boolean closed;

  /** The warehouse of the inputs' target, opened on first use, reopened when the target changed. */
  public Warehouse.Opened warehouse(ProjectInputs inputs) {
    return warehouse(inputs.root().dir(), inputs.target());
  }

  public synchronized Warehouse.Opened warehouse(Path projectDir, Target target) {
    if (closed) {
      return new Warehouse.Opened(
          null, WarehouseError.of(ProblemCode.WAREHOUSE_CONNECT, "the server is shutting down"));
    }
    Key key = new Key(projectDir.toAbsolutePath().normalize(), target.name());
    Entry e = open.get(key);
    if (e != null && e.target().equals(target)) {
      return new Warehouse.Opened(e.warehouse(), null);
    }
    if (e != null) {
      open.remove(key);
      e.warehouse().close();
    }
    Warehouse.Opened o = Warehouse.open(target, key.projectDir());
    if (o.ok()) {
      o.warehouse().allowFileReads(allowFileReads);
      o.warehouse().maxBytesScanned(maxBytesScanned);
      open.put(key, new Entry(target, o.warehouse()));
    }
    return o;
  }

  /** Compiled SQL (or ad-hoc SQL) previewed on the inputs' target. */
  public PreviewResult preview(ProjectInputs inputs, String sql, PreviewOptions options) {
    try {
      Warehouse.Opened o = warehouse(inputs);
      return o.ok()
          ? Preview.run(o.warehouse(), sql, options)
          : PreviewResult.failed(o.error(), sql, 0);
    } catch (RuntimeException e) {
      return PreviewResult.failed(
          WarehouseError.of(
              ProblemCode.WAREHOUSE_CONNECT, "preview failed: " + e.getClass().getSimpleName()),
          sql,
          0);
    }
  }

  /** The plan of a query on the inputs' target; see {@link Explain}. */
  public ExplainResult explain(
      ProjectInputs inputs, String sql, boolean analyze, QueryCancel cancel) {
    try {
      Warehouse.Opened o = warehouse(inputs);
      return o.ok()
          ? Explain.run(o.warehouse(), sql, analyze, cancel)
          : ExplainResult.failed(o.error(), sql, analyze, 0);
    } catch (RuntimeException e) {
      return ExplainResult.failed(
          WarehouseError.of(
              ProblemCode.WAREHOUSE_CONNECT, "explain failed: " + e.getClass().getSimpleName()),
          sql,
          analyze,
          0);
    }
  }

  /**
   * The relations the warehouse has, as {@code catalog.schema.name} and {@code schema.name},
   * lower-cased, from {@code information_schema.tables}; empty when it cannot tell (SQLite, no
   * connection), so callers assume everything exists.
   */
  public java.util.Optional<java.util.Set<String>> existingRelations(ProjectInputs inputs) {
    try {
      Warehouse.Opened o = warehouse(inputs);
      if (!o.ok() || o.warehouse().engine() != null) {
        // BigQuery has no unqualified information_schema (it is per region or dataset): unknown
        return java.util.Optional.empty();
      }
      // a few seconds old is fresh enough: a large warehouse lists its tables in tenths of a second
      Known known = relations.get(o.warehouse());
      if (known != null && System.nanoTime() - known.at() < RELATIONS_TTL_NANOS) {
        return java.util.Optional.of(known.names());
      }
      java.util.Optional<java.util.Set<String>> listed = listRelations(o.warehouse());
      listed.ifPresent(names -> relations.put(o.warehouse(), new Known(System.nanoTime(), names)));
      return listed;
    } catch (RuntimeException e) {
      return java.util.Optional.empty();
    }
  }

  private record Known(long at, java.util.Set<String> names) {}

  private static final long RELATIONS_TTL_NANOS = java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
  private final Map<Warehouse, Known> relations = new java.util.concurrent.ConcurrentHashMap<>();

  private java.util.Optional<java.util.Set<String>> listRelations(Warehouse w) {
    try {
      PreviewOptions options = PreviewOptions.defaults().withLimit(0).withPage(100_000, 256L << 20);
      String query =
          w.sqlType().equals("sqlite")
              ? sqliteRelations(w, options)
              : "select table_catalog, table_schema, table_name from information_schema.tables";
      if (query == null) {
        return java.util.Optional.empty();
      }
      PreviewResult r = Preview.run(w, query, options);
      if (!r.ok()) {
        return java.util.Optional.empty();
      }
      java.util.Set<String> out = new java.util.HashSet<>();
      List<List<Object>> rows = new java.util.ArrayList<>(r.rows());
      String cursor = r.cursor();
      while (cursor != null) {
        PreviewPage p = Preview.page(w, cursor, options);
        if (!p.ok()) {
          Preview.close(w, cursor);
          return java.util.Optional.empty();
        }
        rows.addAll(p.rows());
        cursor = p.cursor();
      }
      for (List<Object> row : rows) {
        String schemaName = (row.get(1) + "." + row.get(2)).toLowerCase(java.util.Locale.ROOT);
        out.add(schemaName);
        out.add((row.get(0) + "." + schemaName).toLowerCase(java.util.Locale.ROOT));
      }
      return java.util.Optional.of(out);
    } catch (RuntimeException e) {
      return java.util.Optional.empty();
    }
  }

  /**
   * SQLite has no information_schema: each attached schema's {@code sqlite_master}, one query (the
   * catalog column repeats the schema: SQLite relations are named {@code schema.table}).
   */
  private static String sqliteRelations(Warehouse w, PreviewOptions options) {
    PreviewResult schemas = Preview.run(w, "select name from pragma_database_list", options);
    if (!schemas.ok() || schemas.rows().isEmpty()) {
      return null;
    }
    List<String> parts = new java.util.ArrayList<>();
    for (List<Object> row : schemas.rows()) {
      String name = String.valueOf(row.get(0));
      String literal = "'" + name.replace("'", "''") + "'";
      parts.add(
          "select "
              + literal
              + ", "
              + literal
              + ", name from \""
              + name.replace("\"", "\"\"")
              + "\".sqlite_master where type in ('table', 'view')");
    }
    return String.join(" union all ", parts);
  }

  /** A query's result streamed into a file on the inputs' target; see {@link ResultExport}. */
  public dev.dbtls.store.export.ExportResult export(
      ProjectInputs inputs,
      String sql,
      Path target,
      dev.dbtls.store.export.ExportFormat format,
      PreviewOptions options) {
    try {
      Warehouse.Opened o = warehouse(inputs);
      return o.ok()
          ? ResultExport.run(o.warehouse(), sql, target, format, options)
          : new dev.dbtls.store.export.ExportResult(target, format, 0, 0, 0, o.error().message());
    } catch (RuntimeException e) {
      return new dev.dbtls.store.export.ExportResult(
          target, format, 0, 0, 0, "export failed: " + e.getClass().getSimpleName());
    }
  }

  /** The next page of a preview, by the cursor its result (or last page) gave. */
  public PreviewPage page(String cursor, PreviewOptions options) {
    for (Entry e : open.values()) {
      if (e.warehouse().cursors().contains(cursor)) {
        return Preview.page(e.warehouse(), cursor, options);
      }
    }
    return Preview.unknownCursor();
  }

  /** Closes a preview's cursor before it is read to the end. */
  public void closeCursor(String cursor) {
    open.values().forEach(e -> e.warehouse().cursors().close(cursor));
  }

  public ProfileResult profile(ProjectInputs inputs, String sql, PreviewOptions options) {
    try {
      Warehouse.Opened o = warehouse(inputs);
      return o.ok() ? Profile.of(o.warehouse(), sql, options) : ProfileResult.failed(o.error(), 0);
    } catch (RuntimeException e) {
      return ProfileResult.failed(
          WarehouseError.of(
              ProblemCode.WAREHOUSE_CONNECT, "profile failed: " + e.getClass().getSimpleName()),
          0);
    }
  }

  /** Closes the pools of one project (its folder was closed or its profile changed). */
  public synchronized void closeProject(Path projectDir) {
    Path dir = projectDir.toAbsolutePath().normalize();
    List<Key> keys = new ArrayList<>();
    open.keySet().stream().filter(k -> k.projectDir().equals(dir)).forEach(keys::add);
    keys.forEach(k -> open.remove(k).warehouse().close());
  }

  /** How many pools are open. */
  public int size() {
    return open.size();
  }

  @Override
  public synchronized void close() {
    closed = true;
    open.values().forEach(e -> e.warehouse().close());
    open.clear();
    relations.clear();
  }
}
