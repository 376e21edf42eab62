package dev.dbtls.ide;

import dev.dbtls.index.Node;
import dev.dbtls.index.RefCall;
import dev.dbtls.index.RelationName;
import dev.dbtls.index.ResourceType;
import java.util.List;
import java.util.TreeSet;

/**
 * {@code ref('}: the ref-able nodes and packages, the package's nodes in its second argument, the
 * versions in {@code v='} and {@code v=} after the model's name.
 */
final class RefCompletion {
  private RefCompletion() {}

  /** Inside a string argument of {@code ref(}. */
  static void inString(CompletionContext c, CompletionItems items) {
    if (!c.inCallOf("ref")) {
      return;
    }
    JinjaCall call = c.call;
    if (call.keyword != null) {
      if (call.keyword.equals("v") || call.keyword.equals("version")) {
        versionNumbers(c, call.literal(0), items);
      }
    } else if (call.argIndex == 0) {
      nodes(c, null, items);
      PackageNames.add(c, items, 5);
    } else if (call.argIndex == 1
        && call.literal(0) != null
        && c.snapshot.inputs().project(call.literal(0)) != null) {
      nodes(c, call.literal(0), items);
    }
  }

  /** {@code v=1} after {@code ref('model', }: the model's versions, the latest marked. */
  static void versionArguments(CompletionContext c, CompletionItems items) {
    JinjaCall call = c.call;
    if (!c.inCallOf("ref") || call.argIndex < 1 || call.keyword != null || !call.atArgStart) {
      return;
    }
    String model = call.literal(0);
    if (model == null) {
      return;
    }
    Object latest = null;
    TreeSet<String> versions = new TreeSet<>();
    for (Node n : c.manifest.nodes().values()) {
      if (n.type() == ResourceType.MODEL && n.name().equals(model) && n.version() != null) {
        versions.add(n.version());
        latest = n.extra().get("latest_version");
      }
    }
    for (String v : versions) {
      boolean numeric = v.chars().allMatch(ch -> Character.isDigit(ch) || ch == '.');
      items.add(
          "v=" + v,
          CompletionKind.KEYWORD,
          0,
          "version " + v + (v.equals(String.valueOf(latest)) ? " (latest)" : ""),
          null,
          "v=" + (numeric ? v : "'" + v + "'"),
          false);
    }
  }

  /** The versions of a model, inside {@code v='...'}. */
  private static void versionNumbers(CompletionContext c, String model, CompletionItems items) {
    for (Node n : c.manifest.nodes().values()) {
      if (n.type() == ResourceType.MODEL && n.name().equals(model) && n.version() != null) {
        items.add(
            n.version(),
            CompletionKind.KEYWORD,
            0,
            "version of " + model,
            null,
            n.version(),
            false);
      }
    }
  }

  private static boolean wanted(CompletionContext c, Node n, String onlyPackage) {
    String path = n.displayPath();
    return (onlyPackage == null || onlyPackage.equals(n.packageName()))
        // strings keep their hash: most paths of a project differ in it, few need comparing
        && (path == null
            || path.hashCode() != c.displayPath.hashCode()
            || !c.displayPath.equals(path));
  }

  /**
   * The ref-able nodes, one item per name; not the file's own node (a ref to itself is a cycle).
   * Names come in {@link RefNames} order (group, then name), so once more than {@link
   * CompletionItems#ENOUGH} prefix matches are in whose group no later name can undercut, the rest
   * would only be listed after them: a request on 100,000 names stops there (the list says it is
   * incomplete, and the editor asks again as the user types). When the root project alone has that
   * many names starting with what is typed, only those are looked at.
   */
  private static void nodes(CompletionContext c, String onlyPackage, CompletionItems items) {
    String root = c.rootProject();
    Cancellation cancel = Cancellation.current();
    RefNames refNames = SnapshotData.of(c.snapshot).refNames(c.snapshot);
    List<RefNames.Name> names = refNames.inOrder();
    int from = 0;
    int to = names.size();
    String typed = CompletionItems.lower(items.prefix());
    if (!typed.isEmpty()) {
      int[] range = refNames.rootStartingWith(typed);
      if (range[1] - range[0] > CompletionItems.ENOUGH) {
        from = range[0];
        to = range[1];
      }
    }
    int[] best = new int[2]; // prefix matches given so far, root's and packages'
    for (int i = from; i < to; i++) {
      if (((i - from + 1) & 1023) == 0) {
        cancel.check(); // 10k names on a large project: the next keystroke's request replaces this
        // one
      }
      RefNames.Name e = names.get(i);
      if (best[0] + (e.group() > 0 ? best[1] : 0) > CompletionItems.ENOUGH) {
        return; // every name from here on is listed after those
      }
      int rank = items.rank(e.lower());
      int group = rank < 0 ? -1 : node(c, e, onlyPackage, root, items);
      // counted: what no later name can come before (a root name listed as a package's can)
      if (rank == 0 && group == e.group()) {
        best[group]++;
      }
    }
    if (to - from < names.size()) {
      // fewer of the root's prefix matches were wanted than there are: the others after all
      for (int i = 0; i < names.size(); i++) {
        if ((i < from || i >= to) && items.matchesLower(names.get(i).lower())) {
          node(c, names.get(i), onlyPackage, root, items);
        }
      }
    }
  }

  /**
   * Adds the item of one name, unless none of its nodes is wanted here: its group (0 the root
   * project's, 1 a package's), or -1 when it added none.
   */
  private static int node(
      CompletionContext c,
      RefNames.Name e,
      String onlyPackage,
      String root,
      CompletionItems items) {
    List<Node> same = e.nodes();
    if (same.size() == 1
        ? !wanted(c, same.get(0), onlyPackage)
        : !same.stream().allMatch(n -> wanted(c, n, onlyPackage))) {
      same =
          same.stream().filter(n -> wanted(c, n, onlyPackage)).toList(); // rare: versions, packages
      if (same.isEmpty()) {
        return -1;
      }
    }
    Node n = pick(c, same);
    CompletionKind kind =
        n.type() == ResourceType.SEED
            ? CompletionKind.SEED
            : n.type() == ResourceType.SNAPSHOT ? CompletionKind.SNAPSHOT : CompletionKind.MODEL;
    List<Node> versioned = same;
    items.addDistinct(
        n.name(),
        n.name().equals(e.name()) ? e.lower() : CompletionItems.lower(n.name()),
        kind,
        n.packageName().equals(root) ? 0 : 1,
        () -> detail(n, versioned, root),
        n::description,
        n.name(),
        false);
    return n.packageName().equals(root) ? 0 : 1;
  }

  /** {@code model db.schema.table (package) versions 1, 2}: the parts that apply. */
  private static String detail(Node n, List<Node> same, String root) {
    StringBuilder detail = new StringBuilder(64).append(n.type().dbtName());
    relation(n.relation(), detail.append(' '));
    if (!n.packageName().equals(root)) {
      detail.append(" (").append(n.packageName()).append(')');
    }
    if (n.version() != null) {
      TreeSet<String> versions = new TreeSet<>();
      same.stream().filter(v -> v.version() != null).forEach(v -> versions.add(v.version()));
      detail.append(" versions ").append(String.join(", ", versions));
    }
    return detail.toString();
  }

  /**
   * Which of several same-named nodes a ref reaches: the root project's, this package's, the latest
   * version.
   */
  private static Node pick(CompletionContext c, List<Node> same) {
    if (same.size() == 1) {
      return same.get(0);
    }
    return c.manifest
        .resolveRef(c.packageName, new RefCall(null, same.get(0).name(), null, 0, 0))
        .orElse(same.get(0));
  }

  /** Appends {@code database.schema.identifier} (the parts that are set). */
  static StringBuilder relation(RelationName r, StringBuilder s) {
    if (r == null) {
      return s;
    }
    boolean first = true;
    for (String part : new String[] {r.database(), r.schema(), r.identifier()}) {
      if (part != null && !part.isEmpty()) {
        s.append(first ? "" : ".").append(part);
        first = false;
      }
    }
    return s;
  }
}
