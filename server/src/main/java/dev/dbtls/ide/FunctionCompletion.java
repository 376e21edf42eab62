package dev.dbtls.ide;

import dev.dbtls.index.Node;
import java.util.List;
import java.util.Map;

/**
 * {@code function('}: the project's user-defined functions (dbt 1.11), and the packages; in the
 * second argument after a package, that package's functions.
 */
final class FunctionCompletion {
  private FunctionCompletion() {}

  /** Inside a string argument of {@code function(}. */
  static void inString(CompletionContext c, CompletionItems items) {
    if (!c.inCallOf("function") || c.call.keyword != null) {
      return;
    }
    if (c.call.argIndex == 0) {
      functions(c, null, items);
      PackageNames.add(c, items, 5);
    } else if (c.call.argIndex == 1 && c.call.literal(0) != null) {
      functions(c, c.call.literal(0), items);
    }
  }

  private static void functions(CompletionContext c, String onlyPackage, CompletionItems items) {
    String root = c.rootProject();
    for (Map.Entry<String, List<Node>> e : c.manifest.functionsByName().entrySet()) {
      for (Node n : e.getValue()) {
        if ((onlyPackage != null && !onlyPackage.equals(n.packageName()))
            || !items.matches(n.name())) {
          continue;
        }
        StringBuilder detail = new StringBuilder("function ");
        RefCompletion.relation(n.relation(), detail);
        if (!n.packageName().equals(root)) {
          detail.append(" (").append(n.packageName()).append(')');
        }
        items.addDistinct(
            n.name(),
            CompletionKind.FUNCTION,
            n.packageName().equals(root) ? 0 : 1,
            detail.toString(),
            Hover.function(n),
            n.name(),
            false);
      }
    }
  }
}
