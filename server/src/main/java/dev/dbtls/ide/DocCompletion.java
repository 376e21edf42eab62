package dev.dbtls.ide;

/**
 * {@code doc('}: the docs blocks and packages, then in the second argument the package's blocks.
 */
final class DocCompletion {
  private DocCompletion() {}

  static void inString(CompletionContext c, CompletionItems items) {
    if (!c.inCallOf("doc")) {
      return;
    }
    if (c.call.argIndex == 0) {
      blocks(c, null, items);
      PackageNames.add(c, items, 5);
    } else if (c.call.argIndex == 1 && c.call.literal(0) != null) {
      blocks(c, c.call.literal(0), items);
    }
  }

  private static void blocks(CompletionContext c, String onlyPackage, CompletionItems items) {
    for (var d : c.manifest.docs().values()) {
      if (onlyPackage == null || onlyPackage.equals(d.packageName())) {
        String content = d.content();
        items.add(
            d.name(),
            CompletionKind.DOC,
            0,
            "docs block (" + d.packageName() + ")",
            content.length() > 1000 ? content.substring(0, 1000) + "..." : content,
            d.name(),
            false);
      }
    }
  }
}
