package dev.dbtls.ide;

import dev.dbtls.index.Catalog;
import dev.dbtls.index.compile.ProjectSnapshot;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.function.Supplier;

/**
 * What editor features derive from one snapshot and share, built on first use and gone with the
 * snapshot: the catalog of its project, which names its property files describe, the
 * workspace-symbol index, the inferred columns of every node ({@link ProjectColumns}, which
 * reuses the previous snapshot's for nodes whose definition and parents did not change). One per snapshot ({@link #of}), owned by its {@link Analysis}; the
 * next snapshot's takes over what did not change ({@link #next}). This is the one table of
 * derived data in {@code ide}; the memos that remain static are keyed by a file's text (the
 * property file parsed last, the catalog file read last), not by a snapshot.
 */
final class SnapshotData {
  /** By identity (snapshots have no equals), weakly: a replaced snapshot takes its data with it. */
  private static final Map<ProjectSnapshot, SnapshotData> ALL = Collections.synchronizedMap(new WeakHashMap<>());

  final WorkspaceSymbols.Cache symbols;
  final ProjectColumns columns;
  private volatile Catalog catalog;
  private volatile Map<String, Map<String, String>> described;

  private SnapshotData(ProjectSnapshot snapshot, SnapshotData previous) {
    this.symbols = new WorkspaceSymbols.Cache(previous == null ? null : previous.symbols);
    this.columns = new ProjectColumns(snapshot, previous == null ? null : previous.columns);
  }

  static SnapshotData of(ProjectSnapshot snapshot) {
    return ALL.computeIfAbsent(snapshot, s -> new SnapshotData(s, null));
  }

  /** The data of {@code snapshot}, taking over from {@code previous}'s what is still true. */
  static SnapshotData next(SnapshotData previous, ProjectSnapshot snapshot) {
    return ALL.computeIfAbsent(snapshot, s -> new SnapshotData(s, previous));
  }

  Catalog catalog(Supplier<Catalog> read) {
    Catalog c = catalog;
    if (c == null) {
      synchronized (this) {
        if (catalog == null) {
          catalog = read.get();
        }
        c = catalog;
      }
    }
    return c;
  }

  Map<String, Map<String, String>> described(Supplier<Map<String, Map<String, String>>> cut) {
    Map<String, Map<String, String>> d = described;
    if (d == null) {
      synchronized (this) {
        if (described == null) {
          described = cut.get();
        }
        d = described;
      }
    }
    return d;
  }

  /** Catalogs are merged again on next use (new warehouse columns were read). */
  static void forgetCatalogs() {
    synchronized (ALL) {
      ALL.values().forEach(d -> d.catalog = null);
    }
  }
}
