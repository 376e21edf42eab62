package dev.dbtls.project;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Finds and reads a project's files by the folders its dbt_project.yml names. */
final class ProjectFileFinder {
  private static final Set<String> SQL = Set.of(".sql");
  private static final Set<String> YAML = Set.of(".yml", ".yaml");

  private ProjectFileFinder() {}

  static List<ProjectFile> find(DbtProject p, FileSource files) {
    record Want(Path path, FileKind kind) {}
    List<Want> wanted = new ArrayList<>();
    Set<Path> seen = new LinkedHashSet<>();
    for (String dir : p.modelPaths()) {
      files.list(p.dir().resolve(dir), Set.of(".sql", ".py")).forEach(f -> wanted.add(new Want(f, FileKind.MODEL)));
    }
    for (String dir : p.seedPaths()) {
      files.list(p.dir().resolve(dir), Set.of(".csv")).forEach(f -> wanted.add(new Want(f, FileKind.SEED)));
    }
    for (String dir : p.macroPaths()) {
      files.list(p.dir().resolve(dir), SQL).forEach(f -> wanted.add(new Want(f, FileKind.MACRO)));
    }
    for (String dir : p.snapshotPaths()) {
      files.list(p.dir().resolve(dir), SQL).forEach(f -> wanted.add(new Want(f, FileKind.SNAPSHOT)));
    }
    for (String dir : p.analysisPaths()) {
      files.list(p.dir().resolve(dir), SQL).forEach(f -> wanted.add(new Want(f, FileKind.ANALYSIS)));
    }
    for (String dir : p.testPaths()) {
      Path root = p.dir().resolve(dir);
      files.list(root, SQL).forEach(f -> wanted.add(new Want(f,
          f.startsWith(root.resolve("generic")) ? FileKind.GENERIC_TEST : FileKind.SINGULAR_TEST)));
    }
    List<String> yamlDirs = new ArrayList<>();
    for (List<String> l : List.of(p.modelPaths(), p.seedPaths(), p.snapshotPaths(),
        p.analysisPaths(), p.macroPaths(), p.testPaths())) {
      yamlDirs.addAll(l);
    }
    for (String dir : new LinkedHashSet<>(yamlDirs)) {
      files.list(p.dir().resolve(dir), YAML).forEach(f -> wanted.add(new Want(f, FileKind.PROPERTIES)));
    }
    for (String dir : new LinkedHashSet<>(p.effectiveDocsPaths())) {
      files.list(p.dir().resolve(dir), Set.of(".md")).forEach(f -> wanted.add(new Want(f, FileKind.DOCS)));
    }
    List<Want> unique = wanted.stream().filter(w -> seen.add(w.path())).toList();
    return unique.parallelStream().map(w -> {
      String text = w.kind() == FileKind.SEED ? "" : files.read(w.path()).orElse(null);
      String rel = p.dir().relativize(w.path()).toString().replace('\\', '/');
      return text == null ? null : new ProjectFile(w.kind(), p.name(), rel, w.path(), text);
    }).filter(java.util.Objects::nonNull).toList();
  }
}
