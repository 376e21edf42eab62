package dev.dbtls.ide;

import dev.dbtls.project.ProjectInputs;

/** The project's and installed packages' names, where a package may be named first. */
final class PackageNames {
  private PackageNames() {}

  static void add(CompletionContext c, CompletionItems items, int group) {
    add(c.snapshot.inputs(), items, group);
  }

  static void add(ProjectInputs inputs, CompletionItems items, int group) {
    for (String p : inputs.packageNames()) {
      items.add(p, CompletionKind.PACKAGE, group, "package", null, p, false);
    }
  }
}
