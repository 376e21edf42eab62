package dev.dbtls.index;

import dev.dbtls.project.InOrder;
import dev.dbtls.project.Problem;
import dev.dbtls.project.ProjectInputs;
import dev.dbtls.project.properties.ColumnSpec;
import java.util.List;
import java.util.Map;

/**
 * The nodes of the manifest a full build replaces, for the build to keep those it makes again: a
 * macro edit builds every node anew, and on 100,000 models each came out equal to the one before
 * but as new objects (its id, config, extra, fqn, refs), all held beside the old manifest until the
 * new one was done. A node's parts that are exactly its previous node's ({@link InOrder}: maps key
 * for key in the same order) are the previous node's objects ({@link #draft}), and a linked node
 * made of them, with the same links, is that node ({@link #linked}): what the new build makes again
 * becomes garbage at once. Nodes are immutable, so sharing them between manifests changes nothing a
 * reader sees; a node whose file is not the very same object keeps its own parts (a file read again
 * holds its new text).
 */
final class PreviousNodes {
  static final PreviousNodes NONE = new PreviousNodes(null);

  private final Manifest manifest;
  private final Map<String, Node> nodes;
  private final Map<String, Node> disabled;

  private PreviousNodes(Manifest manifest) {
    this.manifest = manifest;
    this.nodes = manifest == null ? Map.of() : manifest.nodes();
    this.disabled = manifest == null ? Map.of() : manifest.disabled();
  }

  /** The nodes of {@code previous}, or none. */
  static PreviousNodes of(Manifest previous) {
    return previous == null ? NONE : new PreviousNodes(previous);
  }

  /**
   * The nodes of {@code linked} (a full build's, in id order) that are not the previous ones' very
   * objects, when it has the previous manifest's ids in the same order and not too many changed for
   * an {@link EditedMap} (then the build keeps that manifest: {@link #dag}, {@link #manifest});
   * else null.
   */
  Map<String, Node> changed(Map<String, Node> linked) {
    if (manifest == null || linked.size() != nodes.size()) {
      return null;
    }
    Map<String, Node> changed = new java.util.LinkedHashMap<>();
    java.util.Iterator<Map.Entry<String, Node>> before = nodes.entrySet().iterator();
    for (Map.Entry<String, Node> e : linked.entrySet()) {
      Map.Entry<String, Node> b = before.next();
      if (!b.getKey().equals(e.getKey())) {
        return null;
      }
      if (b.getValue() != e.getValue()) {
        changed.put(e.getKey(), e.getValue());
        if (changed.size() > EditedMap.MOST_REPLACED) {
          return null;
        }
      }
    }
    return changed;
  }

  /**
   * The graph after {@code changed} ({@link #changed}): the previous manifest's when none of them
   * has other dependencies, else that graph with theirs ({@link Dag#withParents}); null when a new
   * dependency closes a cycle, or the graph is not over the previous nodes (the caller builds it
   * whole).
   */
  Dag dag(Map<String, Node> changed) {
    if (manifest.dag().size() != nodes.size()) {
      return null;
    }
    Map<String, List<String>> parents = new java.util.HashMap<>();
    for (Node n : changed.values()) {
      if (!n.dependsOn().equals(nodes.get(n.uniqueId()).dependsOn())) {
        parents.put(n.uniqueId(), n.dependsOn());
      }
    }
    return parents.isEmpty() ? manifest.dag() : manifest.dag().withParents(parents);
  }

  /**
   * The previous manifest with {@code changed} ({@link #changed}) swapped in, over {@code dag} (the
   * graph {@link #dag} gave): its maps and indexes ({@link Manifest#afterEdit}), not every node
   * indexed again beside them; its node map itself when none changed.
   */
  Manifest manifest(
      ProjectInputs inputs,
      Map<String, Node> changed,
      Map<String, Node> linkedDisabled,
      Map<String, Macro> macros,
      Map<String, DocBlock> docs,
      Dag dag,
      List<Problem> problems) {
    Map<String, Node> kept = changed.isEmpty() ? nodes : EditedMap.of(nodes, changed);
    return Manifest.afterEdit(
        manifest, inputs, kept, linkedDisabled, macros, docs, dag, problems, changed.values());
  }

  /**
   * {@code n} (a draft: not linked yet) with the parts of its previous node that are exactly its
   * own; itself when it had none.
   */
  Node draft(Node n) {
    Node p = previous(n);
    if (p == null) {
      return n;
    }
    return new Node(
        p.uniqueId(),
        n.type(),
        same(n.packageName(), p.packageName()),
        same(n.name(), p.name()),
        same(n.version(), p.version()),
        same(n.fqn(), p.fqn()),
        same(n.originalFilePath(), p.originalFilePath()),
        same(n.displayPath(), p.displayPath()),
        n.file(),
        same(n.config(), p.config()),
        same(n.description(), p.description()),
        sameColumns(n.columns(), p.columns()),
        same(n.refs(), p.refs()),
        same(n.sources(), p.sources()),
        sameIds(n.dependsOn(), p.dependsOn()),
        same(n.relation(), p.relation()),
        same(n.span(), p.span()),
        same(n.extra(), p.extra()));
  }

  /**
   * {@code n}'s previous node when {@code n} (linked) is made of that node's very parts ({@link
   * #draft} gave them) and the same relation and dependencies, else {@code n}.
   */
  Node linked(Node n) {
    Node p = previous(n);
    return p != null && madeOf(n, p) ? p : n;
  }

  /**
   * Whether {@code n} holds {@code p}'s very objects, but for its links, which are equal, and its
   * config, which may be another node's equal one ({@code Shared.config}): what {@link #draft} gave
   * it, compared without walking them (a node's parts compared {@link InOrder#equal}, by
   * reflection, made a 100,000-model macro edit ~15 % slower).
   */
  private static boolean madeOf(Node n, Node p) {
    return n.uniqueId() == p.uniqueId()
        && n.packageName() == p.packageName()
        && n.name() == p.name()
        && n.version() == p.version()
        && n.fqn() == p.fqn()
        && n.originalFilePath() == p.originalFilePath()
        && n.displayPath() == p.displayPath()
        && (n.config() == p.config() || InOrder.equal(n.config(), p.config()))
        && n.description() == p.description()
        && n.columns() == p.columns()
        && n.refs() == p.refs()
        && n.sources() == p.sources()
        && n.span() == p.span()
        && n.extra() == p.extra()
        && java.util.Objects.equals(n.relation(), p.relation())
        && n.dependsOn().equals(p.dependsOn());
  }

  /**
   * {@code before} when {@code now} holds the same columns: each one the very object, or a copy of
   * the same property-file column with its description rendered again ({@code Descriptions}),
   * compared by its parts' identity; else compared {@link InOrder#equal} (a property file read
   * again).
   */
  private static List<ColumnSpec> sameColumns(List<ColumnSpec> now, List<ColumnSpec> before) {
    if (now == before || now == null || before == null) {
      return now == before ? before : now;
    }
    if (now.size() == before.size()) {
      int i = 0;
      while (i < now.size() && copyOf(now.get(i), before.get(i))) {
        i++;
      }
      if (i == now.size()) {
        return before;
      }
    }
    return same(now, before);
  }

  /**
   * {@code now} (a draft's dependencies: the macros it calls, a test's target) with each id that
   * {@code before} (the linked node's) holds as that very string: a test's or a model's ids are
   * made again by every build, and on 100,000 models the drafts held ~400,000 of them until linked.
   */
  private static List<String> sameIds(List<String> now, List<String> before) {
    String[] ids = null;
    for (int i = 0; i < now.size(); i++) {
      String id = now.get(i);
      if (id == null) {
        return now;
      }
      for (String b : before) {
        if (b != id && b.equals(id)) {
          if (ids == null) {
            ids = now.toArray(new String[0]);
          }
          ids[i] = b;
          break;
        }
      }
    }
    return ids == null ? now : List.of(ids);
  }

  private static boolean copyOf(ColumnSpec a, ColumnSpec b) {
    return a == b
        || a.tests() == b.tests()
            && a.constraints() == b.constraints()
            && a.meta() == b.meta()
            && a.tags() == b.tags()
            && a.span() == b.span()
            && java.util.Objects.equals(a.name(), b.name())
            && java.util.Objects.equals(a.description(), b.description())
            && java.util.Objects.equals(a.dataType(), b.dataType())
            && java.util.Objects.equals(a.quote(), b.quote());
  }

  /** The previous node of {@code n}'s id and type, when its file is the very same object. */
  private Node previous(Node n) {
    Node p = nodes.get(n.uniqueId());
    if (!sameKind(p, n)) {
      p = disabled.get(n.uniqueId());
    }
    return sameKind(p, n) ? p : null;
  }

  private static boolean sameKind(Node p, Node n) {
    return p != null && p.type() == n.type() && p.file() == n.file();
  }

  private static <T> T same(T now, T before) {
    return InOrder.equal(now, before) ? before : now;
  }
}
