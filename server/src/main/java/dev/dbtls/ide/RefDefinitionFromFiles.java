package dev.dbtls.ide;

import dev.dbtls.project.FileKind;
import dev.dbtls.project.ProjectFile;
import dev.dbtls.project.ProjectInputs;
import java.util.List;
import java.util.Optional;

/**
 * Go to definition on a {@code ref('name')} while the project's first load runs: the file of the
 * one model or seed that name can mean, known from the listed files before any is scanned (on a
 * project of thousands of models, seconds before the load ends). Answered only where the files
 * leave no doubt, since a definition, unlike a completion list, is not asked again: exactly one
 * model or seed file of that name in the packages the call may mean, not named like a version's
 * file ({@code <name>_v<n>}); the model's own text read and not mentioning {@code enabled}; no
 * {@code enabled} in a dbt_project.yml's models or seeds or in a property file; no property file
 * that may version the name or define a snapshot of it, and no snapshot file that may name its
 * block so (every one of them read: a warm start's unread files stop it). Anything else is answered
 * by the loaded project ({@link Definition}), as every other symbol is.
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
    if (name == null || name.isEmpty() || RefCompletionFromFiles.versionedName(name) != null) {
      return Optional.empty(); // <name>_v<n> may be a version's file, whose node is <name>
    }
    if (disabledAnywhere(inputs)) {
      return Optional.empty();
    }
    ProjectFile found = null;
    for (ProjectFile f : inputs.files()) {
      if (mayNameOtherwise(f, name)) {
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
            && (!found.textRead() || found.text() == null || found.text().contains("enabled")))) {
      return Optional.empty(); // a model that may disable itself: the load says
    }
    return Optional.of(List.of(new Location(inputs.displayPath(found), Resolve.FILE_START)));
  }

  /**
   * Whether file {@code f} may make {@code name} another node than a model or seed file of that
   * name (or none): a property file that versions it ({@code versions:}, {@code defined_in:}),
   * defines a snapshot of it, or disables anything ({@code enabled}); a snapshot file whose block
   * may be named so; any of them not read yet (a warm start reads only what it must).
   */
  private static boolean mayNameOtherwise(ProjectFile f, String name) {
    if (f.kind() != FileKind.PROPERTIES && f.kind() != FileKind.SNAPSHOT) {
      return false;
    }
    if (!f.textRead() || f.text() == null) {
      return true;
    }
    String text = f.text();
    if (f.kind() == FileKind.SNAPSHOT) {
      java.util.regex.Matcher m = RefCompletionFromFiles.SNAPSHOT_BLOCK.matcher(text);
      while (m.find()) {
        if (m.group(1).equals(name)) {
          return true;
        }
      }
      return false;
    }
    return text.contains("enabled")
        || text.contains(name)
            && (text.contains("versions:")
                || text.contains("snapshots:")
                || text.contains("defined_in"));
  }

  /** Whether a dbt_project.yml (the root's or a package's) sets {@code enabled} for anything. */
  private static boolean disabledAnywhere(ProjectInputs inputs) {
    java.util.List<dev.dbtls.project.DbtProject> projects =
        new java.util.ArrayList<>(inputs.packages().values());
    projects.add(inputs.root());
    for (dev.dbtls.project.DbtProject p : projects) {
      if (mentionsEnabled(p.models()) || mentionsEnabled(p.seeds())) {
        return true;
      }
    }
    return false;
  }

  private static boolean mentionsEnabled(dev.dbtls.project.yaml.YamlMap configs) {
    return configs != null && String.valueOf(configs.toPlain()).contains("enabled");
  }
}
