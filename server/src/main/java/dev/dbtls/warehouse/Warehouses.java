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
 * entry points for the LSP and CLI ({@link #preview}, {@link #page}, {@link #profile}) never
 * throw.
 */
public final class Warehouses implements AutoCloseable {
  private record Key(Path projectDir, String target) {}

  private record Entry(Target target, Warehouse warehouse) {}

  private final Map<Key, Entry> open = new ConcurrentHashMap<>();
  private volatile boolean closed;

  /** The warehouse of the inputs' target, opened on first use, reopened when the target changed. */
  public Warehouse.Opened warehouse(ProjectInputs inputs) {
    return warehouse(inputs.root().dir(), inputs.target());
  }

  public synchronized Warehouse.Opened warehouse(Path projectDir, Target target) {
    if (closed) {
      return new Warehouse.Opened(null, WarehouseError.of(ProblemCode.WAREHOUSE_CONNECT,
          "the server is shutting down"));
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
      open.put(key, new Entry(target, o.warehouse()));
    }
    return o;
  }

  /** Compiled SQL (or ad-hoc SQL) previewed on the inputs' target. */
  public PreviewResult preview(ProjectInputs inputs, String sql, PreviewOptions options) {
    try {
      Warehouse.Opened o = warehouse(inputs);
      return o.ok() ? Preview.run(o.warehouse(), sql, options)
          : PreviewResult.failed(o.error(), sql, 0);
    } catch (RuntimeException e) {
      return PreviewResult.failed(WarehouseError.of(ProblemCode.WAREHOUSE_CONNECT,
          "preview failed: " + e.getClass().getSimpleName()), sql, 0);
    }
  }

  /** A query's result streamed into a file on the inputs' target; see {@link ResultExport}. */
  public dev.dbtls.store.export.ExportResult export(ProjectInputs inputs, String sql, Path target,
      dev.dbtls.store.export.ExportFormat format, PreviewOptions options) {
    try {
      Warehouse.Opened o = warehouse(inputs);
      return o.ok() ? ResultExport.run(o.warehouse(), sql, target, format, options)
          : new dev.dbtls.store.export.ExportResult(target, format, 0, 0, 0, o.error().message());
    } catch (RuntimeException e) {
      return new dev.dbtls.store.export.ExportResult(target, format, 0, 0, 0,
          "export failed: " + e.getClass().getSimpleName());
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
      return ProfileResult.failed(WarehouseError.of(ProblemCode.WAREHOUSE_CONNECT,
          "profile failed: " + e.getClass().getSimpleName()), 0);
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
  }
}
