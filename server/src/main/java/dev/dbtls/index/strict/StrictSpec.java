package dev.dbtls.index.strict;

import dev.dbtls.index.compile.ProjectSnapshot;
import dev.dbtls.project.DbtProject;
import dev.dbtls.project.FileKind;
import dev.dbtls.project.Problem;
import dev.dbtls.project.ProjectFile;
import dev.dbtls.project.Severity;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;

/**
 * dbt Core v2's strict spec: every {@link StrictRule}, run over one file ({@link #of}) or every
 * file of the root project ({@link #ofProject}). A rule that throws loses its findings for that
 * file and nothing else; installed packages are not checked (their authors fix them, not the user).
 */
public final class StrictSpec {
  /** The rules, one per deprecation (see docs/diagnostics.md, "strict spec"). */
  static final List<StrictRule> RULES =
      List.of(
          new ConfigSourcePathDeprecation(),
          new ConfigDataPathDeprecation(),
          new ConfigLogPathDeprecation(),
          new ConfigTargetPathDeprecation(),
          new DuplicateYamlKeysDeprecation(),
          new PropertyMovedToConfigDeprecation(),
          new MissingArgumentsPropertyInGenericTestDeprecation(),
          new MissingPlusPrefixDeprecation(),
          new UnexpectedJinjaBlockDeprecation(),
          new ResourceNamesWithSpacesDeprecation(),
          new DuplicateNameDistinctNodeTypesDeprecation(),
          new ExposureNameDeprecation(),
          new SourceOverrideDeprecation(),
          new WEOIncludeExcludeDeprecation(),
          new SourceFreshnessProjectHooksNotRun(),
          new PackageInstallPathDeprecation(),
          new ProjectFlagsMovedDeprecation(),
          new PackageRedirectDeprecation(),
          new ModulesItertoolsUsageDeprecation(),
          new EnvironmentVariableNamespaceDeprecation(),
          new MFCumulativeTypeParamsDeprecation(),
          new SchemaValidation());

  /** The files of the root project besides its resource folders that dbt reads. */
  private static final List<String> PROJECT_YAML =
      List.of(DbtProject.FILE, "selectors.yml", "packages.yml", "dependencies.yml");

  private StrictSpec() {}

  /**
   * The deprecations of the file at {@code displayPath} (relative to the root project) whose text
   * is {@code text}, in the order they appear; empty for a file outside the root project.
   */
  public static List<Deprecation> of(ProjectSnapshot snapshot, String displayPath, String text) {
    if (snapshot == null || displayPath == null || text == null) {
      return List.of();
    }
    return checked(StrictFile.of(snapshot, displayPath, text));
  }

  /** Checks files of one snapshot one after another ({@link #checker}). */
  public interface FileChecker {
    /** {@link StrictSpec#of} of the file at {@code displayPath} whose text is {@code text}. */
    List<Deprecation> of(String displayPath, String text);
  }

  /**
   * {@link #of} for many files of {@code snapshot}: the root project's files are looked up in a
   * table made once (each file looked for among all of them was most of `dbtls check` on a
   * 3,000-model project).
   */
  public static FileChecker checker(ProjectSnapshot snapshot) {
    if (snapshot == null) {
      return (displayPath, text) -> List.of();
    }
    String rootName = snapshot.inputs().root().name();
    Map<Path, FileKind> rootFiles = new HashMap<>();
    for (ProjectFile f : snapshot.inputs().files()) {
      if (f.packageName().equals(rootName)) {
        rootFiles.putIfAbsent(f.absolutePath(), f.kind());
      }
    }
    return (displayPath, text) ->
        displayPath == null || text == null
            ? List.of()
            : checked(StrictFile.of(snapshot, displayPath, text, rootFiles::get));
  }

  private static List<Deprecation> checked(StrictFile file) {
    return file.kind() == StrictFile.Kind.OTHER ? List.of() : check(file);
  }

  /**
   * The deprecations of every file of the root project (dbt_project.yml, selectors, packages, its
   * profiles.yml when it is inside the project, and every file of its resource folders), by display
   * path; files without any are absent. The files are read through the snapshot's {@code
   * FileSource}.
   */
  public static Map<String, List<Deprecation>> ofProject(ProjectSnapshot snapshot) {
    Path root = snapshot.inputs().root().dir();
    List<StrictFile> files = new ArrayList<>();
    List<String> special = new ArrayList<>(PROJECT_YAML);
    Path profiles = snapshot.inputs().profilesFile();
    if (profiles != null && profiles.toAbsolutePath().normalize().startsWith(root)) {
      special.add(root.relativize(profiles.toAbsolutePath().normalize()).toString());
    }
    for (String name : special) {
      snapshot
          .files()
          .read(root.resolve(name))
          .ifPresent(t -> files.add(StrictFile.of(snapshot, name, t)));
    }
    String rootName = snapshot.inputs().root().name();
    for (ProjectFile f : snapshot.inputs().files()) {
      if (f.packageName().equals(rootName) && checked(f.kind())) {
        // the kind is known: no lookup of the file among the project's
        files.add(
            new StrictFile(
                snapshot,
                snapshot.inputs().displayPath(f),
                f.text(),
                StrictFile.Kind.RESOURCE,
                f.kind()));
      }
    }
    List<List<Deprecation>> found = dev.dbtls.project.Parallel.map(files, StrictSpec::check);
    Map<String, List<Deprecation>> out = new LinkedHashMap<>();
    for (int i = 0; i < files.size(); i++) {
      if (!found.get(i).isEmpty()) {
        out.put(files.get(i).displayPath(), found.get(i));
      }
    }
    return out;
  }

  private static boolean checked(FileKind kind) {
    return kind != FileKind.FIXTURE;
  }

  private static List<Deprecation> check(StrictFile file) {
    List<Deprecation> out = new ArrayList<>();
    for (StrictRule rule : RULES) {
      List<Deprecation> found = new ArrayList<>();
      try {
        rule.check(file, found);
      } catch (CancellationException e) {
        throw e;
      } catch (RuntimeException | StackOverflowError e) {
        continue; // a rule's bug never costs the other rules their findings
      }
      out.addAll(found);
    }
    out.sort(
        Comparator.comparingInt((Deprecation d) -> d.problem().line())
            .thenComparingInt(d -> d.problem().column()));
    return List.copyOf(out);
  }

  /** {@code problems} with the strict spec's deprecations as errors, as dbt v2 refuses them. */
  public static List<Problem> asErrors(List<Problem> problems) {
    List<Problem> out = new ArrayList<>(problems.size());
    for (Problem p : problems) {
      out.add(p.code().isDeprecation() ? p.withSeverity(Severity.ERROR) : p);
    }
    return out;
  }
}
