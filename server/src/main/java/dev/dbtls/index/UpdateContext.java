package dev.dbtls.index;

import dev.dbtls.project.FileKind;
import dev.dbtls.project.ProjectFile;
import dev.dbtls.project.ProjectInputs;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What an edit's update reads of the whole project besides the edited files: every property file in
 * one index, and the macros that call {@code ref}. An update changes only SQL files that define
 * nodes, so the next update of the same project finds the same property files and macros (the very
 * objects: {@link ProjectInputs#withFile} keeps every other file's) and takes this instead of
 * indexing them again; the {@link ParseCache} keeps the last one. Read-only once made (the index's
 * own "used" marks aside, which an update never reads).
 */
final class UpdateContext {
  private final Shape shape;
  final PropertyIndex properties;
  final Set<String> refMacros;
  // the last update's version files, and the files (the very list, weakly: it holds every text)
  // they were found in
  private Map<String, SqlNodeParser.VersionFile> versionFiles;
  private java.lang.ref.WeakReference<List<ProjectFile>> versionFilesOf =
      new java.lang.ref.WeakReference<>(null);
  private int versionFilesFound;

  /**
   * What a context is made of, by identity (not the inputs: they hold every file's text): the
   * projects, the vars, the property files and macros. Cheap to take: a prepare in flight tells by
   * it whether an update may wait for its context.
   */
  static final class Shape {
    private final dev.dbtls.project.DbtProject root;
    private final Map<String, dev.dbtls.project.DbtProject> packages;
    private final dev.dbtls.project.Vars vars;
    private final List<ProjectFile> files;

    private Shape(ProjectInputs inputs) {
      this.root = inputs.root();
      this.packages = inputs.packages();
      this.vars = inputs.vars();
      this.files = read(inputs);
    }

    static Shape of(ProjectInputs inputs) {
      return new Shape(inputs);
    }

    /**
     * Whether an update of {@code inputs} would index the same: the same projects and vars, and the
     * same property files and macros, object for object and in order.
     */
    boolean fits(ProjectInputs inputs) {
      if (inputs.root() != root || inputs.packages() != packages || inputs.vars() != vars) {
        return false;
      }
      int i = 0;
      for (ProjectFile f : inputs.files()) {
        if (read(f)) {
          if (i >= files.size() || files.get(i) != f) {
            return false;
          }
          i++;
        }
      }
      return i == files.size();
    }
  }

  private UpdateContext(Shape shape, PropertyIndex properties, Set<String> refMacros) {
    this.shape = shape;
    this.properties = properties;
    this.refMacros = refMacros;
  }

  /**
   * Indexes the property files and macros of {@code inputs} (their parses from {@code cache}), as
   * {@code shape}, taken of them, lists them.
   */
  static UpdateContext of(Shape shape, ProjectInputs inputs, ParseCache cache) {
    PropertyIndex properties = new PropertyIndex();
    Map<ProjectFile, ParsedFile> parsed = new HashMap<>();
    for (ProjectFile f : shape.files) {
      if (f.kind() == FileKind.PROPERTIES) {
        ParseContext.addProperties(
            properties, inputs, f, cache.properties(f, inputs.displayPath(f)));
      } else {
        parsed.put(f, cache.scan(f, inputs.displayPath(f)));
      }
    }
    return new UpdateContext(shape, properties, MacroParser.refMacros(parsed, inputs.vars()));
  }

  /**
   * The SQL files of model versions ({@link SqlNodeParser#versionFiles}) for an update of {@code
   * inputs} from a manifest of {@code previous}: the last update's when it was of {@code previous}'
   * files, else found again. An update neither adds nor removes a file, and these property files
   * are the same; finding them walks every model file (a tenth of an edit's CPU on the build thread
   * at 100,000 models; README benchmarks).
   */
  synchronized Map<String, SqlNodeParser.VersionFile> versionFiles(
      ProjectInputs previous, ProjectInputs inputs) {
    if (versionFiles == null || versionFilesOf.get() != previous.files()) {
      versionFiles = SqlNodeParser.versionFiles(inputs, properties);
      versionFilesFound++;
    }
    versionFilesOf = new java.lang.ref.WeakReference<>(inputs.files());
    return versionFiles;
  }

  /** How many times {@link #versionFiles} walked the files (tests). */
  synchronized int versionFilesFound() {
    return versionFilesFound;
  }

  /**
   * Whether every file it indexed was read: a file that could not be read gave an empty text, and
   * an update asks again (then it is indexed again).
   */
  boolean whole() {
    for (ProjectFile f : shape.files) {
      if (f.textMissed()) {
        return false;
      }
    }
    return true;
  }

  /** Whether an update of {@code inputs} would index the same ({@link Shape#fits}). */
  boolean fits(ProjectInputs inputs) {
    return shape.fits(inputs);
  }

  private static List<ProjectFile> read(ProjectInputs inputs) {
    List<ProjectFile> out = new ArrayList<>();
    for (ProjectFile f : inputs.files()) {
      if (read(f)) {
        out.add(f);
      }
    }
    return out;
  }

  private static boolean read(ProjectFile f) {
    return f.kind() == FileKind.PROPERTIES || f.kind() == FileKind.MACRO;
  }
}
