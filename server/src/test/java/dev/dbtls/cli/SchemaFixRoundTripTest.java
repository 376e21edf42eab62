package dev.dbtls.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbtls.index.compile.ProjectSnapshot;
import dev.dbtls.index.strict.Deprecation;
import dev.dbtls.index.strict.StrictSpec;
import dev.dbtls.project.DbtProject;
import dev.dbtls.project.FileSource;
import dev.dbtls.project.ProblemCode;
import dev.dbtls.project.ProjectInputs;
import dev.dbtls.testing.Fixture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fixes of the JSON-schema deprecations keep what a project compiles to: every test project,
 * given custom keys at the top of a property file, in a model entry, in its {@code config:} and as
 * a {@code +key} of dbt_project.yml, compiles to the same SQL once {@code dbtls fix} moved them
 * under {@code meta} (or removed the top-level one), and none of them is left. The target is
 * switched to Snowflake first, one of the adapters whose configs the schema describes.
 */
class SchemaFixRoundTripTest {
  private static final Set<ProblemCode> FIXABLE =
      EnumSet.of(
          ProblemCode.CUSTOM_TOP_LEVEL_KEY_DEPRECATION,
          ProblemCode.CUSTOM_KEY_IN_CONFIG_DEPRECATION,
          ProblemCode.CUSTOM_KEY_IN_OBJECT_DEPRECATION);

  @Test
  void everyTestProjectWithCustomKeysCompilesTheSameOnceFixed(@TempDir Path tmp)
      throws IOException {
    int checked = 0;
    try (Stream<Path> s = Files.list(StrictFixRoundTripTest.repo().resolve("test-projects"))) {
      for (Path project :
          s.filter(p -> Files.isRegularFile(p.resolve(DbtProject.FILE))).sorted().toList()) {
        String name = project.getFileName().toString();
        Path before = StrictFixRoundTripTest.copy(project, tmp.resolve(name));
        boolean onSnowflake = writeCustomKeys(before);
        Set<ProblemCode> seen = EnumSet.noneOf(ProblemCode.class);
        deprecations(load(before)).stream()
            .filter(Deprecation::fixable)
            .filter(d -> FIXABLE.contains(d.problem().code()))
            .forEach(d -> seen.add(d.problem().code()));
        Set<ProblemCode> expected = EnumSet.copyOf(FIXABLE);
        if (!onSnowflake) {
          expected.remove(ProblemCode.CUSTOM_KEY_IN_CONFIG_DEPRECATION); // a package: no target
        }
        assertEquals(expected, seen, name);

        Path after = StrictFixRoundTripTest.copy(before, tmp.resolve(name + "-fixed"));
        CliRun run = CliRun.of("fix", "--project-dir", after.toString());
        assertEquals(0, run.exit(), name + ": " + run.err());
        assertEquals(compiled(load(before)), compiled(load(after)), name + ": compiled SQL");
        List<String> left =
            deprecations(load(after)).stream()
                .filter(Deprecation::fixable)
                .filter(d -> FIXABLE.contains(d.problem().code()))
                .map(d -> d.problem().format())
                .toList();
        assertEquals(List.of(), left, name);
        checked++;
      }
    }
    assertTrue(checked >= 5, "projects checked: " + checked);
  }

  /**
   * A model with custom keys in its property file, and a custom {@code +key} in the project; the
   * target switched to Snowflake (false for a project without a profile, a package).
   */
  private static boolean writeCustomKeys(Path dir) throws IOException {
    ProjectInputs inputs = ProjectInputs.load(dir, Fixture.profilesIn(dir), FileSource.DISK);
    String project = inputs.root().name();
    Path models =
        Files.createDirectories(
            dir.resolve(inputs.root().modelPaths().get(0)).resolve("schema_variant"));
    Files.writeString(models.resolve("schema_variant.sql"), "select 1 as id\n");
    Files.writeString(
        models.resolve("schema_variant.yml"),
        """
        version: 2
        owner_team: analytics
        models:
          - name: schema_variant
            owner_email: data@example.com  # who to ask
            config:
              materialized: view
              release: q3
            columns:
              - name: id
                pii: false
        """);
    // a target on an adapter whose configs the schema describes: custom config keys have a fix
    String profile = inputs.root().profile();
    if (profile != null) {
      Files.writeString(
          dir.resolve("profiles.yml"),
          profile
              + ":\n  target: dev\n  outputs:\n    dev:\n      type: snowflake\n"
              + "      account: acme\n      database: analytics\n      schema: dev\n");
    }
    Path file = dir.resolve(DbtProject.FILE);
    String p = Files.readString(file);
    String tree = "\nmodels:\n  " + project + ":\n";
    if (p.contains(tree)) {
      p = p.replace(tree, tree + "    +schema_variant_owner: data\n");
    } else if (!p.contains("\nmodels:")) {
      p += (p.endsWith("\n") ? "" : "\n") + tree.substring(1) + "    +schema_variant_owner: data\n";
    } else {
      throw new AssertionError("no models tree of " + project + " to write into:\n" + p);
    }
    Files.writeString(file, p);
    return profile != null;
  }

  private static List<Deprecation> deprecations(ProjectSnapshot s) {
    return StrictSpec.ofProject(s).values().stream().flatMap(List::stream).toList();
  }

  private static Map<String, String> compiled(ProjectSnapshot s) {
    return StrictFixRoundTripTest.compiled(s);
  }

  private static ProjectSnapshot load(Path dir) {
    return ProjectSnapshot.load(dir, Fixture.profilesIn(dir), List.of(), FileSource.DISK);
  }
}
