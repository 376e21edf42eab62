package dev.dbtls.ide;

import dev.dbtls.index.Catalog;
import dev.dbtls.index.compile.ProjectSnapshot;
import dev.dbtls.project.FileSource;

/**
 * The {@link Catalog} of a project's root: its {@code target/catalog.json}, else the columns read
 * from the warehouse itself this session (the database explorer, or the store's copy of an earlier
 * read). One per project, in its {@link ProjectFacts}; each snapshot reads it at most once (kept in
 * its {@link SnapshotData}). A snapshot does not keep the {@link FileSource} it was loaded from:
 * the owner hands it to {@link #load} (best on the build thread, after each build, so that no
 * request pays for a large file); a feature asking {@link #of} first reads through the disk, which
 * is what the overlay gives too for a generated file that is not open in the editor. The catalog is
 * not watched: a new {@code dbt docs generate} shows with the next snapshot.
 */
public final class ProjectCatalog {
  /**
   * The last parse of the file, to skip parsing again when only the snapshot changed; {@code
   * stamp}: the file's modification time and size on disk, or null when it is not on disk.
   */
  private record Parsed(String file, String stamp, int length, int hash, Catalog catalog) {}

  private volatile Parsed last;
  private volatile Catalog fromWarehouse;

  /** Counts {@link #remember}s: a snapshot's catalog merged before the last one is merged again. */
  private volatile int version;

  /**
   * Reads the catalog of {@code snapshot}'s root project through {@code files} (once per snapshot).
   */
  public static Catalog load(ProjectSnapshot snapshot, FileSource files) {
    return snapshot == null ? Catalog.EMPTY : SnapshotData.of(snapshot).catalog(snapshot, files);
  }

  /** The catalog {@link #load} gave for this snapshot, or else the one on disk. */
  public static Catalog of(ProjectSnapshot snapshot) {
    return load(snapshot, FileSource.DISK);
  }

  /**
   * Columns read from the warehouse itself (the database explorer): they fill in for relations
   * catalog.json does not describe (or when there is none), until read again.
   */
  public void remember(Catalog columns) {
    if (columns != null) {
      fromWarehouse = columns;
      version++;
    }
  }

  /** Whether warehouse columns are known for the project (read or restored this session). */
  public boolean knowsWarehouse() {
    return fromWarehouse != null;
  }

  int version() {
    return version;
  }

  /** catalog.json of {@code snapshot}'s root, else the warehouse's columns (maybe null). */
  Catalog read(ProjectSnapshot snapshot, FileSource files) {
    return readFile(snapshot, files).orElse(fromWarehouse);
  }

  private static String stamp(java.nio.file.Path file) {
    try {
      return java.nio.file.Files.getLastModifiedTime(file).toMillis()
          + ":"
          + java.nio.file.Files.size(file);
    } catch (java.io.IOException | RuntimeException e) {
      return null; // not on disk (a test's files, or none): read through the file source
    }
  }

  private Catalog readFile(ProjectSnapshot snapshot, FileSource files) {
    try {
      var root = snapshot.inputs().root();
      var file = Catalog.fileOf(root);
      // every rebuild asks (each keystroke): an unchanged file on disk is not read again
      String stamp = stamp(file);
      Parsed p = last;
      if (stamp != null
          && p != null
          && p.file().equals(file.toString())
          && stamp.equals(p.stamp())) {
        return p.catalog();
      }
      String text = files.read(file).orElse(null);
      if (text == null) {
        return Catalog.EMPTY;
      }
      if (p != null
          && p.file().equals(file.toString())
          && p.length() == text.length()
          && p.hash() == text.hashCode()) {
        last = new Parsed(p.file(), stamp, p.length(), p.hash(), p.catalog());
        return p.catalog();
      }
      Catalog c = Catalog.parse(Catalog.displayPath(root, file), text);
      last = new Parsed(file.toString(), stamp, text.length(), text.hashCode(), c);
      return c;
    } catch (RuntimeException e) {
      return Catalog.EMPTY; // the catalog only enriches completion and hover
    }
  }
}
