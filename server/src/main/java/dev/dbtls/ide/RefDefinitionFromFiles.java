package dev.dbtls.ide;

import dev.dbtls.project.FileKind;
import dev.dbtls.project.ProjectFile;
import dev.dbtls.project.ProjectInputs;
import java.util.List;
import java.util.Optional;

/**
 * Go to definition on a {@code ref('name')} while the project's first load runs: the file of the
 * one model or seed that name can mean, known from the listed files before any is scanned (on a
 * project of thousands of models, seconds before the load ends). Answered only where the file names
 * leave no doubt, since a definition, unlike a completion list, is not asked again: exactly one
 * model or seed file of that name in the packages the call may mean, the model's own text read and
 * not disabling it in its {@code config()}, and no property file that could give the name versions
 * (one not read yet, or one with {@code versions:} naming it). Anything else is answered by the
 * loaded project ({@link Definition}), as every other symbol is.
 */
public final class RefDefinitionFromFiles {
  private RefDefinitionFromFiles() {}

  /**
   * The model's or seed's file when the cursor at {@code offset} is on the name of a {@code ref}
   * that the listed files answer without doubt; empty otherwise.
   */
  public static Optional<List<Location>> find(
      ProjectInputs inputs, String displayPath, String text, int offset) {
    if (inputs == null || text == null || offset < 0 || offset > text.length()) {
      return Optional.empty();
    }
    String path = displayPath == null ? "" : displayPath;
    if (!path.endsWith(".sql")) {
      return Optional.empty(); // a template; YAML and Python files wait for the load
    }
    Symbol.Context c =
        new Symbol.Context(
            null,
            path,
            Symbol.packageOf(inputs, path),
            text,
            new dev.dbtls.project.LineIndex(text),
            new TemplateScan(text));
    if (!(Symbol.at(c, offset).orElse(null) instanceof Symbol.Ref r) || r.version() != null) {
      return Optional.empty(); // not a ref; or a version's, whose file only the load knows
    }
    String onlyPackage = r.packageName();
    String name = r.name();
    if (onlyPackage != null && inputs.project(onlyPackage) == null) {
      return Optional.empty();
    }
    if (name == null || name.isEmpty()) {
      return Optional.empty();
    }
    ProjectFile found = null;
    for (ProjectFile f : inputs.files()) {
      if (f.kind() == FileKind.PROPERTIES && mayVersion(f, name)) {
        return Optional.empty();
      }
      boolean candidate =
          (f.kind() == FileKind.MODEL || f.kind() == FileKind.SEED)
              && f.stem().equals(name)
              && (onlyPackage == null || onlyPackage.equals(f.packageName()));
      if (candidate) {
        if (found != null) {
          return Optional.empty(); // two of that name: which one dbt takes is the load's to say
        }
        found = f;
      }
    }
    if (found == null
        || (found.kind() == FileKind.MODEL
            && (!found.textRead() || RefCompletionFromFiles.disabled(found)))) {
      return Optional.empty();
    }
    return Optional.of(List.of(new Location(inputs.displayPath(found), Resolve.FILE_START)));
  }

  /**
   * Whether property file {@code f} is unread, or gives versions and names {@code name} (a model's,
   * a column's or a table's: the file is not parsed here, so any of them counts).
   */
  private static boolean mayVersion(ProjectFile f, String name) {
    if (!f.textRead()) {
      return true; // a warm start reads only what it must: not read for this
    }
    String yaml = f.text();
    if (yaml == null || !yaml.contains("versions:") || !yaml.contains(name)) {
      return false;
    }
    java.util.regex.Matcher m = RefCompletionFromFiles.NAME_LINE.matcher(yaml);
    while (m.find()) {
      if (m.group(1).equals(name)) {
        return true;
      }
    }
    return false;
  }
}
