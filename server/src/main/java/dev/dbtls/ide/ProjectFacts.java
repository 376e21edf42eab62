package dev.dbtls.ide;

import java.util.function.Supplier;

/**
 * What the owner of a project knows beside its snapshots, for the features of each snapshot's
 * {@link Analysis}: the project's catalog (catalog.json and the warehouse's columns) and the newest
 * columns inferred from SQL. One per project: the workspace's {@code ProjectSession} keeps it up to
 * date across builds; a command or a test makes its own. Plain state, no threads.
 */
public final class ProjectFacts {
  private final ProjectCatalog catalog = new ProjectCatalog();
  private final DescribedNames described = new DescribedNames();
  private volatile Supplier<ColumnsTable> complete = () -> null;
  private volatile Supplier<ColumnsTable> readable = () -> null;

  /** The facts of the project {@code snapshot} is of (made with it when no owner gave any). */
  public static ProjectFacts of(dev.dbtls.index.compile.ProjectSnapshot snapshot) {
    return SnapshotData.of(snapshot).facts();
  }

  /** Which names the project's property files describe (a memo by file text, across snapshots). */
  DescribedNames describedNames() {
    return described;
  }

  /** catalog.json, and the warehouse's columns read this session. */
  public ProjectCatalog catalog() {
    return catalog;
  }

  /**
   * Where the inferred columns come from from now on: {@code complete} gives the newest complete
   * table (or null), {@code readable} that, else the one being inferred as far as it has come.
   */
  public void columns(Supplier<ColumnsTable> complete, Supplier<ColumnsTable> readable) {
    this.complete = complete;
    this.readable = readable;
  }

  /** A finished table from now on (the command line, tests). */
  public void columns(ColumnsTable table) {
    columns(() -> table, () -> table);
  }

  /** The newest complete table of inferred columns, or null. */
  ColumnsTable completeColumns() {
    return complete.get();
  }

  /**
   * For features that read one node's entry at a time: the newest complete table, else (the first
   * run of a session) the one being inferred as far as it has come; null before any.
   */
  ColumnsTable readableColumns() {
    return readable.get();
  }
}
