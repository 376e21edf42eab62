package dev.dbtls.ide;

import dev.dbtls.project.FileKind;
import dev.dbtls.project.ProjectFile;
import dev.dbtls.project.ProjectInputs;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code ref('} while the project's first load runs: the names its files give, before any file is
 * scanned — a model's and a seed's file name, a snapshot block's name (of a text read). On a
 * project of thousands of models that is seconds before the load ends. Two things only the load
 * knows are looked for in the texts already read: a model file named {@code <name>_v<n>} whose
 * package's property files give {@code <name>} versions is listed as {@code <name>}, and a model
 * whose own {@code config()} says {@code enabled=false} is left out. What else only the load knows
 * (a model disabled from dbt_project.yml, a version file named otherwise, a snapshot defined in
 * YAML) may be missing or extra, so the list is said to be incomplete, and the editor asks again as
 * the user types, by then of the loaded project ({@link RefCompletion}).
 */
public final class RefCompletionFromFiles {
  private RefCompletionFromFiles() {}

  static final Pattern SNAPSHOT_BLOCK =
      Pattern.compile("\\{%-?\\s*snapshot\\s+([A-Za-z_][A-Za-z0-9_]*)");

  /** A model's own {@code {{ config(enabled=false) }}} (or {@code enabled = False}). */
  private static final Pattern DISABLED =
      Pattern.compile("\\{\\{-?\\s*config\\s*\\([^)]*\\benabled\\s*=\\s*(?i:false)\\s*[,)]");

  /** A {@code name:} in a property file (a model's, a column's: only models' are looked up). */
  private static final Pattern NAME_LINE =
      Pattern.compile("(?m)^\\s*-?\\s*name:\\s*['\"]?([A-Za-z0-9_]+)['\"]?\\s*$");

  /**
   * The items for the cursor at {@code offset}, or empty when it is not in a string argument of
   * {@code ref(} that names a node (elsewhere only the loaded project answers).
   */
  public static Optional<List<CompletionItem>> find(
      ProjectInputs inputs, String displayPath, String text, int offset) {
    if (inputs == null || text == null || offset < 0 || offset > text.length()) {
      return Optional.empty();
    }
    String path = displayPath == null ? "" : displayPath;
    CompletionContext c = new CompletionContext(Symbol.packageOf(inputs, path), path, text, offset);
    if (c.place != CompletionContext.Place.STRING_ARGUMENT
        || !c.inCallOf("ref")
        || c.call.keyword != null) {
      return Optional.empty();
    }
    String onlyPackage;
    if (c.call.argIndex == 0) {
      onlyPackage = null;
    } else if (c.call.argIndex == 1
        && c.call.literal(0) != null
        && inputs.project(c.call.literal(0)) != null) {
      onlyPackage = c.call.literal(0);
    } else {
      return Optional.empty();
    }
    CompletionItems items = c.items();
    String root = inputs.root().name();
    java.nio.file.Path self = inputs.root().dir().resolve(path).normalize();
    Versionable versionable = new Versionable(inputs);
    java.util.Set<String> named = new java.util.HashSet<>(); // one item per name, as loaded
    for (ProjectFile f : inputs.files()) {
      if ((onlyPackage != null && !onlyPackage.equals(f.packageName())) || f.isAt(self)) {
        continue; // not of the package named first; or the file itself (a ref to it is a cycle)
      }
      CompletionKind kind =
          switch (f.kind()) {
            case MODEL -> CompletionKind.MODEL;
            case SEED -> CompletionKind.SEED;
            case SNAPSHOT -> CompletionKind.SNAPSHOT;
            default -> null;
          };
      if (kind == null) {
        continue;
      }
      int group = f.packageName().equals(root) ? 0 : 1;
      // the detail is made only for the items sent (the first 200 of 10,000 names)
      java.util.function.Supplier<String> detail =
          () ->
              kind.name().toLowerCase(java.util.Locale.ROOT)
                  + " "
                  + f.relativePath()
                  + (group == 0 ? "" : " (" + f.packageName() + ")");
      if (f.kind() == FileKind.SNAPSHOT) {
        // its name is its block's: known when its text is read (a warm start has not: left out)
        Matcher m = SNAPSHOT_BLOCK.matcher(f.textRead() && f.text() != null ? f.text() : "");
        while (m.find()) {
          add(items, named, m.group(1), kind, group, detail);
        }
      } else if (kind == CompletionKind.MODEL) {
        String stem = f.stem();
        String label = stem;
        boolean version = false;
        String versioned = versionedName(stem);
        if (versioned != null && versionable.holds(f.packageName(), versioned)) {
          label = versioned;
          version = true;
        }
        String lower = CompletionItems.lower(label);
        if (items.matchesLower(lower) && (version || !disabled(f)) && named.add(label)) {
          items.addDistinct(label, lower, kind, group, detail, () -> null, label, false);
        }
      } else {
        add(items, named, f.stem(), kind, group, detail);
      }
    }
    if (onlyPackage == null) {
      PackageNames.add(inputs, items, 5);
    }
    return Optional.of(items.result());
  }

  private static void add(
      CompletionItems items,
      java.util.Set<String> named,
      String label,
      CompletionKind kind,
      int group,
      java.util.function.Supplier<String> detail) {
    String lower = CompletionItems.lower(label);
    if (items.matchesLower(lower) && named.add(label)) {
      items.addDistinct(label, lower, kind, group, detail, () -> null, label, false);
    }
  }

  /**
   * The {@code <name>} of a file stem named as a version's file by dbt's default, {@code
   * <name>_v<n>}; null for another.
   */
  static String versionedName(String stem) {
    int at = stem.lastIndexOf("_v");
    if (at <= 0 || at + 2 == stem.length()) {
      return null;
    }
    for (int i = at + 2; i < stem.length(); i++) {
      if (stem.charAt(i) < '0' || stem.charAt(i) > '9') {
        return null;
      }
    }
    return stem.substring(0, at);
  }

  /**
   * The names in the property files that give models versions, by package: a version file {@code
   * <name>_v<n>} is listed as {@code <name>} when its package's names hold {@code <name>}. Read on
   * the first file named as a version's: most projects have none, and a warm start has read no
   * property file (10,000 models: 7.9 MB of YAML read for the first answer, ~0.1 s). Each file's
   * names are read once and kept, not its text (a load keeps no property file's text).
   */
  private static final class Versionable {
    private final ProjectInputs inputs;
    private java.util.Set<String> names;

    Versionable(ProjectInputs inputs) {
      this.inputs = inputs;
    }

    boolean holds(String packageName, String name) {
      if (names == null) {
        names = new java.util.HashSet<>();
        for (ProjectFile p : inputs.files()) {
          if (p.kind() == FileKind.PROPERTIES) {
            for (String n : p.memo(VersionedNames.class, VersionedNames::of).names()) {
              names.add(p.packageName() + "." + n);
            }
          }
        }
      }
      return names.contains(packageName + "." + name);
    }
  }

  /**
   * The {@code name:}s of a property file that gives versions (a model's among them), none for
   * another.
   */
  record VersionedNames(List<String> names) {
    static VersionedNames of(String yaml) {
      if (yaml == null || !yaml.contains("versions:")) {
        return new VersionedNames(List.of());
      }
      List<String> names = new java.util.ArrayList<>();
      Matcher m = NAME_LINE.matcher(yaml);
      while (m.find()) {
        names.add(m.group(1));
      }
      return new VersionedNames(List.copyOf(names));
    }
  }

  /** Whether the model's own text, when already read, disables it in its config. */
  private static boolean disabled(ProjectFile f) {
    if (!f.textRead()) {
      return false; // a warm start reads only what it must: not read for this
    }
    String text = f.text();
    return text != null && text.contains("enabled") && DISABLED.matcher(text).find();
  }
}
