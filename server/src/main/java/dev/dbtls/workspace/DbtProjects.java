package dev.dbtls.workspace;

import dev.dbtls.project.DbtProject;
import java.io.IOException;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
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

  /**
   * Names of files a dbt repository holds by the thousand (models, properties, seeds, docs): an
   * entry ending with one of these is taken for a file without asking the disk. Java cannot tell a
   * directory from a file by its listing alone, and asking for each of a 10,000-model project's
   * files took a core for a third of a second, beside the first load.
   */
  private static final List<String> FILE_SUFFIXES =
      List.of(
          ".sql",
          ".yml",
          ".yaml",
          ".csv",
          ".md",
          ".py",
          ".json",
          ".txt",
          ".j2",
          ".jinja",
          ".jinja2",
          ".html",
          ".parquet",
          ".gz",
          ".log",
          ".lock",
          ".toml",
          ".cfg",
          ".sh");

  /** The projects under {@code folder} (itself included), sorted. */
  public static List<Path> find(Path folder) {
    List<Path> out = new ArrayList<>();
    Path root = folder.toAbsolutePath().normalize();
    if (Files.isDirectory(root)) {
      visit(root, out);
    }
    out.sort(null);
    return out;
  }

  private static void visit(Path dir, List<Path> out) {
    if (Files.isRegularFile(dir.resolve(DbtProject.FILE))) {
      out.add(dir);
    }
    List<Path> subfolders = new ArrayList<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
      for (Path e : entries) {
        String n = e.getFileName().toString();
        if (!n.startsWith(".")
            && !NOT_PROJECTS.contains(n)
            && FILE_SUFFIXES.stream().noneMatch(n::endsWith)
            && Files.isDirectory(e, LinkOption.NOFOLLOW_LINKS)) {
          subfolders.add(e);
        }
      }
    } catch (IOException | DirectoryIteratorException | SecurityException e) {
      return; // an unreadable folder holds no project we can load
    }
    subfolders.forEach(d -> visit(d, out));
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
