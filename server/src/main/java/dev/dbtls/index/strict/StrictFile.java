package dev.dbtls.index.strict;

import dev.dbtls.index.compile.ProjectSnapshot;
import dev.dbtls.jinja.scan.JinjaScanner;
import dev.dbtls.jinja.scan.ScannedTemplate;
import dev.dbtls.project.DbtProject;
import dev.dbtls.project.FileKind;
import dev.dbtls.project.LineIndex;
import dev.dbtls.project.Problem;
import dev.dbtls.project.ProblemCode;
import dev.dbtls.project.ProjectFile;
import dev.dbtls.project.Span;
import dev.dbtls.project.yaml.YamlDocument;
import java.nio.file.Path;

/**
 * What a {@link StrictRule} looks at: one file of the root project (its display path and text, what
 * it is to dbt) and the project's snapshot. The YAML tree, the line index and the Jinja scan are
 * made on first use and shared by every rule of one {@link StrictSpec} run.
 */
public final class StrictFile {
  /** What the file is to dbt. */
  public enum Kind {
    DBT_PROJECT,
    SELECTORS,
    /** {@code packages.yml} or {@code dependencies.yml}. */
    PACKAGES,
    PROFILES,
    /** A file of a resource folder: {@link StrictFile#fileKind()} says which. */
    RESOURCE,
    /** Anything else (a file of no resource folder, or of an installed package). */
    OTHER
  }

  private final ProjectSnapshot snapshot;
  private final String displayPath;
  private final String text;
  private final Kind kind;
  private final FileKind fileKind;
  private YamlDocument yaml;
  private LineIndex lines;
  private ScannedTemplate template;

  StrictFile(
      ProjectSnapshot snapshot, String displayPath, String text, Kind kind, FileKind fileKind) {
    this.snapshot = snapshot;
    this.displayPath = displayPath.replace('\\', '/');
    this.text = text == null ? "" : text;
    this.kind = kind;
    this.fileKind = fileKind;
  }

  /**
   * The file at {@code displayPath} (relative to the root project) with the buffer's {@code text},
   * looked up among the project's files one by one (for a few files; {@link StrictSpec#checker} for
   * many).
   */
  static StrictFile of(ProjectSnapshot snapshot, String displayPath, String text) {
    String rootName = snapshot.inputs().root().name();
    return of(
        snapshot,
        displayPath,
        text,
        abs -> {
          for (ProjectFile f : snapshot.inputs().files()) {
            if (f.isAt(abs) && f.packageName().equals(rootName)) {
              return f.kind();
            }
          }
          return null;
        });
  }

  /**
   * The file at {@code displayPath} with {@code text}; {@code rootFileKind} says what a file of the
   * root project is by its absolute, normalised path (null: none of its files).
   */
  static StrictFile of(
      ProjectSnapshot snapshot,
      String displayPath,
      String text,
      java.util.function.Function<Path, FileKind> rootFileKind) {
    String path = displayPath.replace('\\', '/');
    Path root = snapshot.inputs().root().dir();
    Path abs = root.resolve(path).toAbsolutePath().normalize();
    Path profiles = snapshot.inputs().profilesFile();
    Kind kind =
        switch (path) {
          case DbtProject.FILE -> Kind.DBT_PROJECT;
          case "selectors.yml" -> Kind.SELECTORS;
          case "packages.yml", "dependencies.yml" -> Kind.PACKAGES;
          default ->
              profiles != null && profiles.toAbsolutePath().normalize().equals(abs)
                  ? Kind.PROFILES
                  : Kind.OTHER;
        };
    FileKind fileKind = null;
    if (kind == Kind.OTHER) {
      fileKind = rootFileKind.apply(abs);
      if (fileKind != null) {
        kind = Kind.RESOURCE;
      }
    }
    return new StrictFile(snapshot, path, text, kind, fileKind);
  }

  public ProjectSnapshot snapshot() {
    return snapshot;
  }

  /** The path relative to the root project, with {@code /}: the path of the problems. */
  public String displayPath() {
    return displayPath;
  }

  public String text() {
    return text;
  }

  public Kind kind() {
    return kind;
  }

  /** The resource folder's kind of file ({@link Kind#RESOURCE}); null for the others. */
  public FileKind fileKind() {
    return fileKind;
  }

  public boolean is(FileKind k) {
    return fileKind == k;
  }

  public boolean isYaml() {
    return displayPath.endsWith(".yml") || displayPath.endsWith(".yaml");
  }

  /** A SQL template of a resource folder (model, macro, snapshot, analysis, test). */
  public boolean isSql() {
    return kind == Kind.RESOURCE && displayPath.endsWith(".sql");
  }

  /** The YAML tree (its root null when the file is not valid YAML); null for other files. */
  public YamlDocument yaml() {
    if (yaml == null && isYaml()) {
      yaml = YamlDocument.parse(displayPath, text);
    }
    return yaml;
  }

  public LineIndex lines() {
    if (lines == null) {
      lines = new LineIndex(text);
    }
    return lines;
  }

  /** The Jinja scan of the text (SQL files). */
  public ScannedTemplate template() {
    if (template == null) {
      template = JinjaScanner.scan(text);
    }
    return template;
  }

  /**
   * A problem at {@code at} in this file, its message led by dbt's event name as dbt prints it
   * ({@code "PropertyMovedToConfigDeprecation: ..."}).
   */
  public Problem problem(ProblemCode code, String event, Span at, String message) {
    return Problem.at(displayPath, at, code, event + ": " + message);
  }
}
