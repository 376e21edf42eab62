package dev.dbtls.index;

import dev.dbtls.project.Problem;
import dev.dbtls.project.Span;
import dev.dbtls.project.yaml.YamlList;
import dev.dbtls.project.yaml.YamlMap;
import dev.dbtls.project.yaml.YamlNode;
import dev.dbtls.project.yaml.YamlScalar;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Evaluates the definitions of {@code selectors.yml} as dbt does: a CLI-style string; a key-value
 * {@code method: value}; the full form ({@code method}, {@code value}, {@code parents}, {@code
 * children}, {@code childrens_parents}, {@code parents_depth}, {@code children_depth}, {@code
 * indirect_selection}, {@code exclude}); {@code union:} and {@code intersection:} lists, each with
 * at most one {@code exclude:} item; and {@code method: selector} (or {@code selector: name}) for
 * another named selector. Each criterion takes the data tests of its nodes as its {@code
 * indirect_selection} says (eager by default). Problems are located in the file.
 */
final class YamlSelection {
  /** Nodes a definition selects, and the tests it may still take when their parents all are. */
  private record Picked(Set<String> direct, Set<String> indirect) {
    static final Picked NONE = new Picked(Set.of(), Set.of());
  }

  private final Selector selector;
  private final Manifest manifest;
  private final YamlSelectors selectors;
  private final List<Problem> problems;
  private final Deque<String> evaluating = new ArrayDeque<>();

  YamlSelection(
      Selector selector, Manifest manifest, YamlSelectors selectors, List<Problem> problems) {
    this.selector = selector;
    this.manifest = manifest;
    this.selectors = selectors;
    this.problems = problems;
  }

  /** The named selector's nodes; {@code from}: where the reference stands (null: the CLI). */
  Set<String> named(String name, Span from) {
    YamlSelectors.Named n = selectors.named(name);
    if (n == null) {
      String known =
          selectors.names().isEmpty()
              ? "selectors.yml defines none"
              : "known: " + String.join(", ", selectors.names());
      String message = "no selector named '" + name + "' (" + known + ")";
      problems.add(
          from == null
              ? Problem.ofFile("", dev.dbtls.project.ProblemCode.SELECTOR_INVALID, message)
              : YamlSelectors.at(from, message));
      return Set.of();
    }
    if (evaluating.contains(name)) {
      List<String> path = new ArrayList<>(evaluating);
      java.util.Collections.reverse(path);
      path = new ArrayList<>(path.subList(path.indexOf(name), path.size()));
      path.add(name);
      problems.add(
          YamlSelectors.at(
              from == null ? n.span() : from,
              "selector '" + name + "' refers to itself: " + String.join(" -> ", path)));
      return Set.of();
    }
    evaluating.push(name);
    try {
      return definition(n.definition()).direct();
    } finally {
      evaluating.pop();
    }
  }

  private Picked definition(YamlNode node) {
    if (node instanceof YamlScalar s && s.value() instanceof String text) {
      return located(node.span(), () -> indirect(selector.terms(text), "eager"));
    }
    if (!(node instanceof YamlMap m)) {
      problems.add(
          YamlSelectors.at(
              node.span(),
              "a definition is a string, 'method: value', a mapping with 'method' and 'value',"
                  + " or a 'union'/'intersection' list"));
      return Picked.NONE;
    }
    if (m.has("union") || m.has("intersection")) {
      return setOperation(m, m.has("union"));
    }
    if (m.has("method") || m.has("value")) {
      return full(m);
    }
    if (m.entries().size() == 1) {
      String key = m.entries().keySet().iterator().next();
      if (key.equals("exclude")) {
        problems.add(
            YamlSelectors.at(
                m.keySpan(key),
                "'exclude' goes inside a 'union' or 'intersection' list, or beside 'method' and"
                    + " 'value'"));
        return Picked.NONE;
      }
      YamlNode value = m.get(key);
      if (!(value instanceof YamlScalar s) || s.value() == null) {
        problems.add(YamlSelectors.at(value.span(), "'" + key + ":' takes one value"));
        return Picked.NONE;
      }
      return criterion(key, String.valueOf(s.value()), m, value.span());
    }
    problems.add(
        YamlSelectors.at(
            m.span(),
            "expected either 1 key or else 'method' and 'value' keys, but got "
                + m.entries().keySet()));
    return Picked.NONE;
  }

  private Picked setOperation(YamlMap m, boolean union) {
    String op = union ? "union" : "intersection";
    if (!(m.get(op) instanceof YamlList list)) {
      problems.add(YamlSelectors.at(m.keySpan(op), "'" + op + ":' takes a list"));
      return Picked.NONE;
    }
    List<Picked> parts = new ArrayList<>();
    Picked exclude = null;
    for (YamlNode item : list.items()) {
      if (item instanceof YamlMap x && x.entries().size() == 1 && x.has("exclude")) {
        if (exclude != null) {
          problems.add(
              YamlSelectors.at(
                  x.keySpan("exclude"),
                  "you cannot provide multiple exclude arguments to the same selector set"
                      + " operator"));
          continue;
        }
        exclude = exclusion(x);
        continue;
      }
      parts.add(definition(item));
    }
    Set<String> direct = null;
    Set<String> any = null;
    for (Picked p : parts) {
      Set<String> both = new LinkedHashSet<>(p.direct());
      both.addAll(p.indirect());
      if (direct == null) {
        direct = new LinkedHashSet<>(p.direct());
        any = both;
      } else if (union) {
        direct.addAll(p.direct());
        any.addAll(both);
      } else {
        direct.retainAll(p.direct());
        any.retainAll(both);
      }
    }
    if (direct == null) {
      return Picked.NONE;
    }
    any.removeAll(direct);
    Picked result = new Picked(direct, any);
    return exclude == null ? result : minus(result, exclude);
  }

  /** The union of an {@code exclude:} list's definitions. */
  private Picked exclusion(YamlMap holder) {
    YamlNode node = holder.get("exclude");
    List<YamlNode> items = node instanceof YamlList l ? l.items() : List.of(node);
    Set<String> direct = new LinkedHashSet<>();
    Set<String> indirect = new LinkedHashSet<>();
    for (YamlNode item : items) {
      Picked p = definition(item);
      direct.addAll(p.direct());
      indirect.addAll(p.indirect());
    }
    return new Picked(direct, indirect);
  }

  private static Picked minus(Picked from, Picked exclude) {
    Set<String> direct = new LinkedHashSet<>(from.direct());
    direct.removeAll(exclude.direct());
    Set<String> indirect = new LinkedHashSet<>(from.indirect());
    indirect.removeAll(exclude.direct());
    indirect.removeAll(exclude.indirect());
    return new Picked(direct, indirect);
  }

  private Picked full(YamlMap m) {
    String method = m.string("method");
    YamlNode value = m.get("value");
    if (method == null || value == null || !(value instanceof YamlScalar s) || s.value() == null) {
      problems.add(
          YamlSelectors.at(
              m.span(),
              "invalid node spec - a full selector needs both 'method' and a single 'value'"));
      return Picked.NONE;
    }
    for (String key : m.entries().keySet()) {
      if (!FULL_KEYS.contains(key)) {
        // dbt ignores such a key: a warning, not a refusal
        problems.add(
            YamlSelectors.warningAt(
                m.keySpan(key),
                "unknown key '"
                    + key
                    + "' in a selector definition (dbt reads "
                    + String.join(", ", FULL_KEYS)
                    + ")"));
      }
    }
    Picked base = criterion(method, String.valueOf(s.value()), m, value.span());
    return m.has("exclude") ? minus(base, exclusion(m)) : base;
  }

  private static final List<String> FULL_KEYS =
      List.of(
          "method",
          "value",
          "parents",
          "parents_depth",
          "children",
          "children_depth",
          "childrens_parents",
          "indirect_selection",
          "exclude");

  private Picked criterion(String method, String value, YamlMap m, Span where) {
    if (method.equals("selector")) {
      Set<String> direct = named(value, where);
      return new Picked(direct, Set.of());
    }
    boolean parents = flag(m, "parents");
    boolean children = flag(m, "children");
    boolean childrensParents = flag(m, "childrens_parents");
    if (children && childrensParents) {
      problems.add(
          YamlSelectors.at(
              m.span(),
              "invalid node spec - 'childrens_parents' (@) and 'children' (+ after) are"
                  + " incompatible"));
      return Picked.NONE;
    }
    int parentsDepth = depth(m, "parents_depth");
    int childrenDepth = depth(m, "children_depth");
    String mode = m.has("indirect_selection") ? m.string("indirect_selection") : "eager";
    if (!INDIRECT.contains(String.valueOf(mode))) {
      problems.add(
          YamlSelectors.at(
              m.get("indirect_selection").span(),
              "indirect_selection is one of "
                  + String.join(", ", INDIRECT)
                  + ", not '"
                  + mode
                  + "'"));
      mode = "eager";
    }
    String modeOf = mode;
    return located(
        where,
        () ->
            indirect(
                selector.criterion(
                    method + ":" + value,
                    parents,
                    parentsDepth,
                    children,
                    childrenDepth,
                    childrensParents),
                modeOf));
  }

  private static final List<String> INDIRECT = List.of("eager", "cautious", "buildable", "empty");

  private boolean flag(YamlMap m, String key) {
    YamlNode n = m.get(key);
    if (n == null) {
      return false;
    }
    Object v = n instanceof YamlScalar s ? s.value() : null;
    if (v instanceof Boolean b) {
      return b;
    }
    if (v instanceof String t && (t.equalsIgnoreCase("true") || t.equalsIgnoreCase("false"))) {
      return Boolean.parseBoolean(t);
    }
    problems.add(YamlSelectors.at(n.span(), "'" + key + "' is true or false, not '" + v + "'"));
    return false;
  }

  private int depth(YamlMap m, String key) {
    YamlNode n = m.get(key);
    if (n == null) {
      return -1;
    }
    if (n instanceof YamlScalar s && s.value() instanceof Long l && l >= 0) {
      return l.intValue();
    }
    problems.add(
        YamlSelectors.at(n.span(), "'" + key + "' is a whole number, not '" + n.text() + "'"));
    return -1;
  }

  /**
   * The tests dbt adds to a criterion's nodes: eager, all tests on any of them; cautious, those
   * whose parents are all selected; buildable, those whose parents are selected or ancestors of the
   * selection; empty, none (the rest stay indirect, taken if a union completes their parents).
   */
  private Picked indirect(Set<String> selected, String mode) {
    Set<String> direct = new LinkedHashSet<>(selected);
    Set<String> indirect = new LinkedHashSet<>();
    Set<String> buildable = null;
    for (Node n : manifest.nodes().values()) {
      if (n.type() != ResourceType.TEST
          || selected.contains(n.uniqueId())
          || n.dependsOn().stream().noneMatch(selected::contains)) {
        continue;
      }
      boolean take =
          switch (mode) {
            case "cautious" -> selected.containsAll(n.dependsOn());
            case "buildable" -> {
              if (buildable == null) {
                buildable = new LinkedHashSet<>(selected);
                for (String id : selected) {
                  buildable.addAll(manifest.dag().ancestors(id, -1));
                }
              }
              yield buildable.containsAll(n.dependsOn());
            }
            case "empty" -> false;
            default -> true;
          };
      (take ? direct : indirect).add(n.uniqueId());
    }
    return new Picked(direct, indirect);
  }

  /** Runs {@code pick}, locating at {@code where} the problems it reports without a place. */
  private Picked located(Span where, java.util.function.Supplier<Picked> pick) {
    int before = problems.size();
    Picked p = pick.get();
    for (int i = before; i < problems.size(); i++) {
      Problem q = problems.get(i);
      if (q.file().isEmpty()) {
        problems.set(i, YamlSelectors.at(where, q.message()));
      }
    }
    return p;
  }
}
