package dev.dbtls.workspace;

import dev.dbtls.project.DbtProject;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Where the dbt projects of a workspace are: every folder with a dbt_project.yml, except installed
 * packages and Python environments (dbt's own global project has one too).
 */
public final class DbtProjects {
  private static final Set<String> NOT_PROJECTS =
      Set.of("dbt_packages", "node_modules", "site-packages", "dist-packages");

  private DbtProjects() {}

  /** The projects under {@code folder} (itself included), sorted. */
  public static List<Path> find(Path folder) {
    List<Path> out = new ArrayList<>();
    Path root = folder.toAbsolutePath().normalize();
    if (!Files.isDirectory(root)) {
      return out;
    }
    try {
      Files.walkFileTree(
          root,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) {
              String n = d.getFileName() == null ? "" : d.getFileName().toString();
              if (!d.equals(root) && (n.startsWith(".") || NOT_PROJECTS.contains(n))) {
                return FileVisitResult.SKIP_SUBTREE;
              }
              if (Files.isRegularFile(d.resolve(DbtProject.FILE))) {
                out.add(d);
              }
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path f, IOException e) {
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException e) {
      return out;
    }
    out.sort(null);
    return out;
  }

  /** The innermost of {@code projects} that holds {@code file}. */
  public static Optional<Path> innermost(Collection<Path> projects, Path file) {
    Path f = file.toAbsolutePath().normalize();
    return projects.stream()
        .filter(f::startsWith)
        .max((a, b) -> a.getNameCount() - b.getNameCount());
  }

  /**
   * The nearest folder above {@code file} with a dbt_project.yml that is not an installed package.
   */
  public static Optional<Path> enclosing(Path file) {
    for (Path d = file.toAbsolutePath().normalize().getParent(); d != null; d = d.getParent()) {
      if (Files.isRegularFile(d.resolve(DbtProject.FILE)) && !insidePackages(d)) {
        return Optional.of(d);
      }
    }
    return Optional.empty();
  }

  private static boolean insidePackages(Path dir) {
    for (Path segment : dir) {
      if (NOT_PROJECTS.contains(segment.toString())) {
        return true;
      }
    }
    return false;
  }
}
