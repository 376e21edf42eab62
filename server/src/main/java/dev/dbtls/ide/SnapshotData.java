package dev.dbtls.ide;

import dev.dbtls.index.Catalog;
import dev.dbtls.index.compile.ProjectSnapshot;
import dev.dbtls.project.FileSource;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What editor features derive from one snapshot and share, built on first use and kept with the
 * snapshot ({@link ProjectSnapshot#derived}), so gone with it: the catalog as this snapshot reads
 * it, which names its property files describe, the workspace-symbol index, and the project's {@link
 * ProjectFacts} (the inferred columns). The next snapshot's takes over what did not change ({@link
 * #next}). No table here is static: a project's state belongs to its owner.
 */
final class SnapshotData {
  final WorkspaceSymbols.Cache symbols;
  private volatile ProjectFacts facts;
  private volatile Catalog catalog;
  private volatile int catalogVersion;
  private volatile Map<String, Map<String, String>> described;
  private volatile RefNames refNames;

  private SnapshotData(SnapshotData previous, ProjectFacts facts) {
    this.symbols = new WorkspaceSymbols.Cache(previous == null ? null : previous.symbols);
    this.facts = facts;
  }

  /** The data of {@code snapshot} (made with facts of its own when no analysis made it first). */
  static SnapshotData of(ProjectSnapshot snapshot) {
    return snapshot.derived(SnapshotData.class, () -> new SnapshotData(null, new ProjectFacts()));
  }

  /**
   * The data of {@code snapshot} with its project's {@code facts}, taking over from {@code
   * previous}'s what is still true.
   */
  static SnapshotData of(ProjectSnapshot snapshot, SnapshotData previous, ProjectFacts facts) {
    SnapshotData d = snapshot.derived(SnapshotData.class, () -> new SnapshotData(previous, facts));
    d.facts = facts;
    return d;
  }

  ProjectFacts facts() {
    return facts;
  }

  /**
   * The catalog of the snapshot, read through {@code files} once (again after new warehouse
   * columns).
   */
  Catalog catalog(ProjectSnapshot snapshot, FileSource files) {
    ProjectCatalog source = facts.catalog();
    Catalog c = catalog;
    if (c == null || catalogVersion != source.version()) {
      synchronized (this) {
        if (catalog == null || catalogVersion != source.version()) {
          catalogVersion = source.version();
          catalog = source.read(snapshot, files);
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

  /** The snapshot's ref-able names in completion order (made on first use). */
  RefNames refNames(ProjectSnapshot snapshot) {
    RefNames r = refNames;
    if (r == null) {
      r = RefNames.of(snapshot.manifest(), snapshot.inputs().root().name());
      refNames = r; // two requests may both make it: the same list either way
    }
    return r;
  }
}
