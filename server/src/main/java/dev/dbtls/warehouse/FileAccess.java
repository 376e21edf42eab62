package dev.dbtls.warehouse;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * Which files SQL may read through the warehouse's file functions ({@code read_csv}, {@code
 * pg_read_file}, {@code from 'x.parquet'}, ...): the files of the project itself (dbtls reads an
 * unbuilt seed from its CSV that way), or — when the user allowed it with {@code
 * dbtls.warehouse.allowFileReads} / {@code --allow-file-reads} — any.
 */
public record FileAccess(Path projectDir, boolean any) {
  /** No file at all. */
  public static final FileAccess NONE = new FileAccess(null, false);

  /** Whether a file function may read {@code literal} (a path or pattern as written in the SQL). */
  boolean allows(String literal) {
    if (any) {
      return true;
    }
    if (projectDir == null
        || literal == null
        || literal.isBlank()
        || literal.contains("://")
        || literal.chars().anyMatch(ch -> "*?[{$~".indexOf(ch) >= 0)) {
      return false;
    }
    try {
      Path p = projectDir.resolve(literal).toAbsolutePath().normalize();
      return p.startsWith(projectDir.toAbsolutePath().normalize());
    } catch (InvalidPathException e) {
      return false;
    }
  }
}
