package dev.dbtls.index.compile;

import dev.dbtls.project.FileSource;
import dev.dbtls.project.ProjectInputs;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Loads the projects under test-projects/ as the command line would, hermetically. */
final class TestProjects {
  private TestProjects() {}

  static Path repoRoot() {
    String root = System.getProperty("dbtls.repoRoot");
    return (root != null ? Path.of(root) : Path.of("..")).toAbsolutePath().normalize();
  }

  static Path dir(String name) {
    return repoRoot().resolve("test-projects").resolve(name);
  }

  static ProjectSnapshot load(String name) {
    return load(name, null);
  }

  /** With a target of the project's profiles.yml other than its default (null: the default). */
  static ProjectSnapshot load(String name, String target) {
    Path dir = dir(name);
    // no HOME, no DBT_PROFILES_DIR, no dbt installation: the result must not depend on the machine
    Map<String, String> env = Map.of("HOME", "/nonexistent");
    return ProjectSnapshot.load(
        dir,
        new ProjectInputs.Options(dir, null, target, Map.of(), env),
        List.of(),
        FileSource.DISK);
  }
}
