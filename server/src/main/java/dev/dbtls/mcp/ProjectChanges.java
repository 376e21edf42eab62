package dev.dbtls.mcp;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Set;

/**
 * Whether a project's files changed since the last look: the paths, sizes and modification times of
 * the files dbt reads (an agent edits them with its own tools, unseen by the server). Build output,
 * version control and database files (a preview touches DuckDB's) are left out.
 */
final class ProjectChanges {
  private static final Set<String> SKIPPED =
      Set.of("target", "logs", ".git", "node_modules", ".venv", "dbt_internal_packages");

  private static final Set<String> SUFFIXES =
      Set.of(".sql", ".yml", ".yaml", ".md", ".csv", ".py", ".j2", ".jinja", ".jinja2");

  private final Path root;
  private long last;

  ProjectChanges(Path root) {
    this.root = root;
    this.last = fingerprint();
  }

  /** Whether anything changed since the last call (or since this was made). */
  synchronized boolean changed() {
    long now = fingerprint();
    boolean changed = now != last;
    last = now;
    return changed;
  }

  private long fingerprint() {
    long[] sum = {17};
    try {
      Files.walkFileTree(
          root,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
              String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
              return !dir.equals(root) && SKIPPED.contains(name)
                  ? FileVisitResult.SKIP_SUBTREE
                  : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
              String name = file.getFileName().toString();
              int dot = name.lastIndexOf('.');
              if (dot < 0 || !SUFFIXES.contains(name.substring(dot))) {
                return FileVisitResult.CONTINUE;
              }
              sum[0] =
                  sum[0] * 31
                      + file.hashCode()
                      + attrs.size() * 7
                      + attrs.lastModifiedTime().toMillis();
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException e) {
      // an unreadable folder: what could be read counts
    }
    return sum[0];
  }
}
