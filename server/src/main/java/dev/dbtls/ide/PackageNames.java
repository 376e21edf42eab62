package dev.dbtls.ide;

/** The project's and installed packages' names, where a package may be named first. */
final class PackageNames {
  private PackageNames() {}

  static void add(CompletionContext c, CompletionItems items, int group) {
    for (String p : c.snapshot.inputs().packageNames()) {
      items.add(p, CompletionKind.PACKAGE, group, "package", null, p, false);
    }
  }
}
