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

  /**
   * The kinds whose texts are read when found and kept: the completion that answers from the files'
   * names before the project has loaded reads the snapshot files (a snapshot's block). Every other
   * text is read when the load's parse asks for it and kept only when a feature asks later
   * (FileSource#text(Path, boolean)).
   */
  private static final Set<FileKind> KEPT_AT_ONCE = java.util.EnumSet.of(FileKind.SNAPSHOT);

  private ProjectFileFinder() {}

  /**
   * {@code jinjaExtensions}: the root project's {@code allow_jinja_file_extensions} flag (dbt
   * 1.12), which lets .sql and .md files carry a Jinja suffix.
   */
  static List<ProjectFile> find(DbtProject p, FileSource files, boolean jinjaExtensions) {
    java.util.function.UnaryOperator<Set<String>> ext =
        s -> jinjaExtensions ? JinjaFileExtensions.with(s) : s;
    Set<String> sql = ext.apply(SQL);
    record Want(Path path, FileKind kind) {}
    /** A folder and what its files of some suffixes are, in dbt's order of precedence. */
    record Role(
        String dir, Set<String> suffixes, java.util.function.Function<Path, FileKind> kind) {}
    List<Role> roles = new ArrayList<>();
    Set<String> models = ext.apply(Set.of(".sql", ".py"));
    p.modelPaths().forEach(d -> roles.add(new Role(d, models, f -> FileKind.MODEL)));
    p.seedPaths().forEach(d -> roles.add(new Role(d, Set.of(".csv"), f -> FileKind.SEED)));
    p.macroPaths().forEach(d -> roles.add(new Role(d, sql, f -> FileKind.MACRO)));
    p.snapshotPaths().forEach(d -> roles.add(new Role(d, sql, f -> FileKind.SNAPSHOT)));
    p.analysisPaths().forEach(d -> roles.add(new Role(d, sql, f -> FileKind.ANALYSIS)));
    Set<String> tests = ext.apply(Set.of(".sql", ".csv"));
    p.functionPaths().forEach(d -> roles.add(new Role(d, models, f -> FileKind.FUNCTION)));
    for (String dir : p.testPaths()) {
      Path generic = p.dir().resolve(dir).resolve("generic");
      Path fixtures = p.dir().resolve(dir).resolve("fixtures");
      // dbt reads a test path's fixtures folder for unit tests, never as singular tests
      roles.add(
          new Role(
              dir,
              tests,
              f ->
                  f.startsWith(fixtures)
                      ? FileKind.FIXTURE
                      : f.toString().endsWith(".csv")
                          ? null
                          : f.startsWith(generic)
                              ? FileKind.GENERIC_TEST
                              : FileKind.SINGULAR_TEST));
    }
    List<String> yamlDirs = new ArrayList<>();
    for (List<String> l :
        List.of(
            p.modelPaths(),
            p.seedPaths(),
            p.snapshotPaths(),
            p.analysisPaths(),
            p.macroPaths(),
            p.testPaths(),
            p.functionPaths())) {
      yamlDirs.addAll(l);
    }
    new LinkedHashSet<>(yamlDirs)
        .forEach(d -> roles.add(new Role(d, YAML, f -> FileKind.PROPERTIES)));
    new LinkedHashSet<>(p.effectiveDocsPaths())
        .forEach(d -> roles.add(new Role(d, ext.apply(Set.of(".md")), f -> FileKind.DOCS)));
    // each folder is listed once, for every suffix any role wants of it (a large models folder
    // was walked three times: SQL, YAML, docs)
    java.util.Map<String, Set<String>> suffixes = new java.util.LinkedHashMap<>();
    roles.forEach(
        r ->
            suffixes.computeIfAbsent(r.dir(), d -> new java.util.HashSet<>()).addAll(r.suffixes()));
    // each listed file with its name, made once: a role asks each file of its folder, and the
    // models folder is asked by three roles (a stream and a name per file and role: 0.23 s of a
    // 10,000-model warm start, the JIT still cold; the reading after it, which then ran the same
    // JDK code cold, took back most of what this saved: 0.38 -> 0.35 s for both)
    record Listed(Path path, String name) {}
    java.util.Map<String, List<Listed>> listed = new java.util.HashMap<>();
    suffixes.forEach(
        (dir, wantedSuffixes) -> {
          List<Path> found = files.list(p.dir().resolve(dir), wantedSuffixes);
          List<Listed> named = new ArrayList<>(found.size());
          for (Path f : found) {
            named.add(new Listed(f, f.getFileName().toString()));
          }
          listed.put(dir, named);
        });
    List<Want> unique = new ArrayList<>();
    Set<Path> seen = new java.util.HashSet<>();
    for (Role r : roles) {
      for (Listed f : listed.get(r.dir())) {
        FileKind kind = endsWithAny(f.name(), r.suffixes()) ? r.kind().apply(f.path()) : null;
        if (kind != null && seen.add(f.path())) {
          unique.add(new Want(f.path(), kind));
        }
      }
    }
    return Parallel.map(
            unique,
            w -> {
              FileText text =
                  w.kind() == FileKind.SEED
                      ? FileText.of("")
                      : files.text(w.path(), KEPT_AT_ONCE.contains(w.kind())).orElse(null);
              String rel = p.dir().relativize(w.path()).toString().replace('\\', '/');
              return text == null ? null : new ProjectFile(w.kind(), p.name(), rel, w.path(), text);
            })
        .stream()
        .filter(java.util.Objects::nonNull)
        .toList();
  }

  /**
   * Whether {@code name} ends with one of {@code suffixes} (a file's name, a listing's suffixes).
   */
  static boolean endsWithAny(String name, java.util.Collection<String> suffixes) {
    for (String s : suffixes) {
      if (name.endsWith(s)) {
        return true;
      }
    }
    return false;
  }
}
