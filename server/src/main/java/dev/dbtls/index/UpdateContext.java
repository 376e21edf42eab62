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
 * What an edit's update reads of the whole project besides the edited files: the macros that call
 * {@code ref}. An update changes only SQL files that define nodes, so the next update of the same
 * project finds the same macros (the very objects: {@link ProjectInputs#withFile} keeps every other
 * file's) and takes this instead of scanning them again; the {@link ParseCache} keeps the last one.
 * The properties an update reads are only those of its nodes ({@link #properties}): the property
 * files that described them before, which no update changes. Read-only once made (the index's own
 * "used" marks aside, which an update never reads).
 */
final class UpdateContext {
  private final Shape shape;
  final Set<String> refMacros;
  // the last update's property index, and the property files it indexed
  private PropertyIndex properties;
  private List<ProjectFile> propertiesOf = List.of();
  // the last update's version files, and the index and files (the very list, weakly: it holds
  // every text) they were found in
  private Map<String, SqlNodeParser.VersionFile> versionFiles;
  private PropertyIndex versionFilesIndex;
  private java.lang.ref.WeakReference<List<ProjectFile>> versionFilesOf =
      new java.lang.ref.WeakReference<>(null);
  private int versionFilesFound;

  /**
   * What a context is made of, by identity (not the inputs: they hold every file's text): the
   * projects, the vars and the macros. Cheap to take: a prepare in flight tells by it whether an
   * update may wait for its context.
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
     * Whether an update of {@code inputs} would scan the same: the same projects and vars, and the
     * same macros, object for object and in order.
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

  private UpdateContext(Shape shape, Set<String> refMacros) {
    this.shape = shape;
    this.refMacros = refMacros;
  }

  /**
   * Scans the macros of {@code inputs} (from {@code cache}), as {@code shape}, taken of them,
   * lists.
   */
  static UpdateContext of(Shape shape, ProjectInputs inputs, ParseCache cache) {
    Map<ProjectFile, ParsedFile> parsed = new HashMap<>();
    for (ProjectFile f : shape.files) {
      parsed.put(f, cache.scan(f, inputs.displayPath(f)));
    }
    return new UpdateContext(shape, MacroParser.refMacros(parsed, inputs.vars()));
  }

  /**
   * The properties of an update's nodes: the property files of {@code inputs} among {@code
   * described} (display paths: the files that described the edited files' nodes before, in the
   * manifest the update starts from), indexed in the project's order from their parses in {@code
   * cache}. The last update's index when it was of the same files. Null when one of them could not
   * be read (a full build reports it).
   *
   * <p>Every other property file is left out: an update keeps each node's name, type, package and
   * file, and changes no property file, so a node that no file described is described by none now,
   * and one that was takes its entry (or its model's versions) from the very file that gave it
   * before, which comes first among the files it indexes as it came first among all. Indexing every
   * property file cost the first edit after a start from the linked cache ~6 s at 100,000 models
   * (77 MB of YAML decoded and kept; README benchmarks).
   */
  synchronized PropertyIndex properties(
      Set<String> described, ProjectInputs inputs, ParseCache cache) {
    List<ProjectFile> files = new ArrayList<>();
    if (!described.isEmpty()) {
      for (ProjectFile f : inputs.files()) {
        if (f.kind() == FileKind.PROPERTIES && described.contains(inputs.displayPath(f))) {
          files.add(f);
        }
      }
    }
    if (properties != null && sameFiles(files, propertiesOf)) {
      return properties;
    }
    PropertyIndex index = new PropertyIndex();
    for (ProjectFile f : files) {
      var parsed = cache.properties(f, inputs.displayPath(f));
      if (f.textMissed()) {
        return null;
      }
      ParseContext.addProperties(index, inputs, f, parsed);
    }
    properties = index;
    propertiesOf = files;
    return index;
  }

  private static boolean sameFiles(List<ProjectFile> a, List<ProjectFile> b) {
    if (a.size() != b.size()) {
      return false;
    }
    for (int i = 0; i < a.size(); i++) {
      if (a.get(i) != b.get(i)) {
        return false;
      }
    }
    return true;
  }

  /**
   * The SQL files of model versions ({@link SqlNodeParser#versionFiles}) for an update of {@code
   * inputs} from a manifest of {@code previous}, with the properties {@code index}: the last
   * update's when it was of {@code previous}' files and the same index, else found again. An update
   * neither adds nor removes a file; finding them walks every model file when the index describes a
   * model with versions (a tenth of an edit's CPU on the build thread at 100,000 models; README
   * benchmarks).
   */
  synchronized Map<String, SqlNodeParser.VersionFile> versionFiles(
      ProjectInputs previous, ProjectInputs inputs, PropertyIndex index) {
    if (versionFiles == null
        || versionFilesIndex != index
        || versionFilesOf.get() != previous.files()) {
      versionFiles = SqlNodeParser.versionFiles(inputs, index);
      versionFilesIndex = index;
      versionFilesFound++;
    }
    versionFilesOf = new java.lang.ref.WeakReference<>(inputs.files());
    return versionFiles;
  }

  /** How many times {@link #versionFiles} found them (tests). */
  synchronized int versionFilesFound() {
    return versionFilesFound;
  }

  /**
   * Whether every macro it scanned was read: a file that could not be read gave an empty text, and
   * an update asks again (then it is scanned again).
   */
  boolean whole() {
    for (ProjectFile f : shape.files) {
      if (f.textMissed()) {
        return false;
      }
    }
    return true;
  }

  /** Whether an update of {@code inputs} would scan the same ({@link Shape#fits}). */
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
    return f.kind() == FileKind.MACRO;
  }
}
