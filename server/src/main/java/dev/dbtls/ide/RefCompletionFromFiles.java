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
 * scanned — a model's and a seed's file name, a snapshot block's name. On a project of thousands of
 * models that is seconds before the load ends. The list is what the load will find but for what
 * only the load knows: a model disabled in its config, a versioned model (listed by its file's
 * name), a snapshot defined in YAML; so it is said to be incomplete, and the editor asks again as
 * the user types, by then of the loaded project ({@link RefCompletion}).
 */
public final class RefCompletionFromFiles {
  private RefCompletionFromFiles() {}

  private static final Pattern SNAPSHOT_BLOCK =
      Pattern.compile("\\{%-?\\s*snapshot\\s+([A-Za-z_][A-Za-z0-9_]*)");

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
    for (ProjectFile f : inputs.files()) {
      if ((onlyPackage != null && !onlyPackage.equals(f.packageName()))
          || f.absolutePath().equals(self)) {
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
      String detail =
          kind.name().toLowerCase(java.util.Locale.ROOT)
              + " "
              + f.relativePath()
              + (group == 0 ? "" : " (" + f.packageName() + ")");
      if (f.kind() == FileKind.SNAPSHOT) {
        String body = f.text();
        Matcher m = SNAPSHOT_BLOCK.matcher(body == null ? "" : body);
        while (m.find()) {
          items.add(m.group(1), kind, group, detail, null, m.group(1), false);
        }
      } else {
        items.add(f.stem(), kind, group, detail, null, f.stem(), false);
      }
    }
    if (onlyPackage == null) {
      PackageNames.add(inputs, items, 5);
    }
    return Optional.of(items.result());
  }
}
