package dev.dbtls.ide;

import dev.dbtls.index.Manifest;
import dev.dbtls.index.Node;
import dev.dbtls.index.RefCall;
import dev.dbtls.index.RelationName;
import dev.dbtls.index.compile.ProjectSnapshot;
import dev.dbtls.jinja.scan.JinjaScanner;
import dev.dbtls.jinja.scan.ScannedTemplate;
import dev.dbtls.jinja.scan.StaticExtractor;
import dev.dbtls.jinja.scan.StaticFacts;
import dev.dbtls.jinja.scan.TextRange;
import dev.dbtls.project.LineIndex;
import dev.dbtls.project.ProjectFile;
import dev.dbtls.project.Span;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Maps the names a query plan shows back to one model's source, so a client can jump from a plan
 * node to the line: a relation ({@code orders}, {@code db.schema.orders}, {@code
 * "schema"."orders"}; without case) to the {@code ref}/{@code source} call whose node is that
 * relation, a CTE name to its definition, an alias to what it aliases, {@code
 * __dbtls_upstream__<model>} (a parent the preview inlined) and {@code __dbt__cte__<model>} (an
 * ephemeral parent) to the ref of that model. A relation this file does not name but reaches
 * through a parent (a seed under an inlined staging model) is {@link PlanSource.Kind#UPSTREAM} at
 * the ref of that parent.
 *
 * <p>An unqualified name is tried, in order, as an inlined parent, a relation's identifier, a CTE,
 * an alias, a ref's model name, and a relation further up; the first kind that matches answers. A
 * model referenced twice answers with every call, in text order ({@link #locate} takes the first).
 * Pure: reads only the snapshot; never throws.
 */
public final class PlanSources {
  private static final String EPHEMERAL_PREFIX = "__dbt__cte__";

  /**
   * How a preview names the CTE of a parent it inlines because the warehouse does not have it
   * ({@code query.UpstreamInliner} writes it, a plan step on it is traced back here).
   */
  public static final String UPSTREAM_PREFIX = "__dbtls_upstream__";

  /** Words that follow a relation but are not its alias. */
  private static final Set<String> NOT_ALIASES =
      Set.of(
          "where",
          "on",
          "using",
          "join",
          "left",
          "right",
          "inner",
          "outer",
          "full",
          "cross",
          "natural",
          "lateral",
          "group",
          "order",
          "having",
          "limit",
          "offset",
          "union",
          "intersect",
          "except",
          "minus",
          "window",
          "qualify",
          "select",
          "from",
          "as",
          "with",
          "fetch",
          "for",
          "returning",
          "values",
          "set",
          "and",
          "or",
          "not",
          "when",
          "then",
          "else",
          "end",
          "is",
          "in",
          "asof",
          "positional",
          "semi",
          "anti",
          "tablesample",
          "pivot",
          "unpivot",
          "straight_join");

  /**
   * A ref or source call of the file, with the node it resolves to (null when it does not) and the
   * offset it starts at.
   */
  private record Call(PlanSource at, Node node, int start) {}

  private final Manifest manifest;
  private final List<Call> calls;
  private final List<PlanSource> ctes;
  private final Map<String, List<PlanSource>> aliases;

  private PlanSources(
      Manifest manifest,
      List<Call> calls,
      List<PlanSource> ctes,
      Map<String, List<PlanSource>> aliases) {
    this.manifest = manifest;
    this.calls = calls;
    this.ctes = ctes;
    this.aliases = aliases;
  }

  private static final PlanSources NONE = new PlanSources(null, List.of(), List.of(), Map.of());

  /** Nothing to trace back to (ad-hoc SQL). */
  public static PlanSources none() {
    return NONE;
  }

  /** The model file {@code displayPath} as the snapshot has it (the editor's text, overlaid). */
  public static PlanSources of(ProjectSnapshot s, String displayPath) {
    try {
      String text =
          s.inputs().files().stream()
              .filter(f -> displayPath.equals(s.inputs().displayPath(f)))
              .map(ProjectFile::text)
              .findFirst()
              .orElse(null);
      return text == null ? NONE : read(s, displayPath, text);
    } catch (RuntimeException e) {
      return NONE;
    }
  }

  /** {@code text} as the file {@code displayPath} of the snapshot's project. */
  public static PlanSources of(ProjectSnapshot s, String displayPath, String text) {
    try {
      return text == null || displayPath == null ? NONE : read(s, displayPath, text);
    } catch (RuntimeException e) {
      return NONE;
    }
  }

  static PlanSources read(ProjectSnapshot s, String displayPath, String text) {
    Manifest m = s.manifest();
    String pkg = Symbol.packageOf(s, displayPath);
    LineIndex lines = new LineIndex(text);
    ScannedTemplate template = JinjaScanner.scan(text);
    StaticFacts facts = StaticExtractor.extract(template);
    List<Call> calls = new ArrayList<>();
    for (StaticFacts.RefCall r : facts.refs()) {
      if (r.name() != null && !r.dynamic()) {
        Node n =
            m.resolveRef(pkg, new RefCall(r.packageName(), r.name(), r.version(), 0, 0))
                .orElse(null);
        calls.add(
            new Call(
                new PlanSource(
                    PlanSource.Kind.REF,
                    r.name(),
                    n == null ? null : n.uniqueId(),
                    displayPath,
                    span(lines, r.call())),
                n,
                r.call().start()));
      }
    }
    for (StaticFacts.SourceCall c : facts.sources()) {
      if (c.sourceName() != null && c.tableName() != null && !c.dynamic()) {
        Node n = m.resolveSource(pkg, c.sourceName(), c.tableName()).orElse(null);
        calls.add(
            new Call(
                new PlanSource(
                    PlanSource.Kind.SOURCE,
                    c.sourceName() + "." + c.tableName(),
                    n == null ? null : n.uniqueId(),
                    displayPath,
                    span(lines, c.call())),
                n,
                c.call().start()));
      }
    }
    calls.sort(Comparator.comparingInt(Call::start));
    List<PlanSource> ctes = new ArrayList<>();
    for (Ctes.Cte c : Ctes.of(text)) {
      ctes.add(
          new PlanSource(
              PlanSource.Kind.CTE,
              c.name(),
              null,
              displayPath,
              lines.span(c.definition().start(), c.definition().end())));
    }
    return new PlanSources(
        m, List.copyOf(calls), List.copyOf(ctes), aliases(SqlTokens.of(template), calls, ctes));
  }

  private static Span span(LineIndex lines, TextRange r) {
    return lines.span(r.start(), r.end());
  }

  /**
   * {@code {{ ref('x') }} [as] a} and {@code from cte [as] a}: alias (lower-cased) to what it
   * stands for.
   */
  private static Map<String, List<PlanSource>> aliases(
      List<SqlTokens.Tok> t, List<Call> calls, List<PlanSource> ctes) {
    Map<String, List<PlanSource>> out = new LinkedHashMap<>();
    for (int i = 0; i + 1 < t.size(); i++) {
      SqlTokens.Tok tok = t.get(i);
      PlanSource target = null;
      if (tok.kind() == SqlTokens.Kind.JINJA) {
        for (Call c : calls) {
          if (tok.start() <= c.start() && c.start() < tok.end()) {
            target = c.at();
            break;
          }
        }
      } else if (tok.isName()
          && i > 0
          && (t.get(i - 1).isWord("from")
              || t.get(i - 1).isWord("join")
              || t.get(i - 1).isPunct(','))
          && !t.get(i + 1).isPunct('.')) {
        target =
            ctes.stream()
                .filter(c -> c.name().equalsIgnoreCase(tok.text()))
                .findFirst()
                .orElse(null);
      }
      if (target == null) {
        continue;
      }
      int j = t.get(i + 1).isWord("as") ? i + 2 : i + 1;
      if (j >= t.size() || !t.get(j).isName()) {
        continue;
      }
      SqlTokens.Tok alias = t.get(j);
      boolean keyword =
          alias.kind() == SqlTokens.Kind.WORD
              && NOT_ALIASES.contains(alias.text().toLowerCase(Locale.ROOT));
      boolean call = j + 1 < t.size() && (t.get(j + 1).isPunct('(') || t.get(j + 1).isPunct('.'));
      if (!keyword && !call) {
        List<PlanSource> list =
            out.computeIfAbsent(alias.text().toLowerCase(Locale.ROOT), k -> new ArrayList<>());
        if (!list.contains(target)) {
          list.add(target);
        }
      }
    }
    return out;
  }

  /** The first place {@code name} comes from (see {@link #all}), or empty. */
  public Optional<PlanSource> locate(String name) {
    return all(name).stream().findFirst();
  }

  /** Every place {@code name} comes from, in text order; empty when the file does not name it. */
  public List<PlanSource> all(String name) {
    try {
      return find(name);
    } catch (RuntimeException e) {
      return List.of();
    }
  }

  private List<PlanSource> find(String name) {
    List<String> parts = parts(name);
    if (parts.isEmpty() || parts.size() > 3) {
      return List.of();
    }
    if (parts.size() > 1) {
      List<PlanSource> direct = calls(n -> relationMatches(n, parts));
      return direct.isEmpty() ? upstream(n -> relationMatches(n, parts)) : direct;
    }
    String p = parts.get(0);
    if (p.startsWith(UPSTREAM_PREFIX) && p.length() > UPSTREAM_PREFIX.length()) {
      String model = p.substring(UPSTREAM_PREFIX.length());
      List<PlanSource> direct =
          calls(n -> n.name().equalsIgnoreCase(model)).stream()
              .map(
                  c ->
                      new PlanSource(
                          PlanSource.Kind.UPSTREAM,
                          c.name(),
                          c.uniqueId(),
                          c.displayPath(),
                          c.span()))
              .toList();
      return direct.isEmpty() ? upstream(n -> n.name().equalsIgnoreCase(model)) : direct;
    }
    if (p.startsWith(EPHEMERAL_PREFIX) && p.length() > EPHEMERAL_PREFIX.length()) {
      String model = p.substring(EPHEMERAL_PREFIX.length());
      return calls(
          n ->
              "ephemeral".equals(n.materialized())
                  && (n.name().equalsIgnoreCase(model)
                      || n.relation() != null
                          && model.equalsIgnoreCase(n.relation().identifier())));
    }
    List<PlanSource> found = calls(n -> relationMatches(n, parts));
    if (found.isEmpty()) {
      found = ctes.stream().filter(c -> c.name().equalsIgnoreCase(p)).toList();
    }
    if (found.isEmpty()) {
      found = aliases.getOrDefault(p, List.of());
    }
    if (found.isEmpty()) {
      found =
          calls.stream()
              .filter(
                  c -> c.at().kind() == PlanSource.Kind.REF && c.at().name().equalsIgnoreCase(p))
              .map(Call::at)
              .toList();
    }
    return found.isEmpty() ? upstream(n -> relationMatches(n, parts)) : found;
  }

  /** The calls whose resolved node passes {@code test}, in text order. */
  private List<PlanSource> calls(Predicate<Node> test) {
    return calls.stream()
        .filter(c -> c.node() != null && test.test(c.node()))
        .map(Call::at)
        .toList();
  }

  /**
   * A node further up that passes {@code test}, at each call through which the file reaches it (the
   * nearest first, then text order).
   */
  private List<PlanSource> upstream(Predicate<Node> test) {
    if (manifest == null) {
      return List.of();
    }
    Set<PlanSource> out = new LinkedHashSet<>();
    for (Call c : calls) {
      if (c.node() == null) {
        continue;
      }
      Deque<String> queue = new ArrayDeque<>(c.node().dependsOn());
      Set<String> seen = new HashSet<>(queue);
      while (!queue.isEmpty()) {
        Node n = manifest.nodes().get(queue.poll());
        if (n == null) {
          continue;
        }
        if (test.test(n)) {
          out.add(
              new PlanSource(
                  PlanSource.Kind.UPSTREAM,
                  c.at().name(),
                  n.uniqueId(),
                  c.at().displayPath(),
                  c.at().span()));
          break;
        }
        n.dependsOn().stream().filter(seen::add).forEach(queue::add);
      }
    }
    return List.copyOf(out);
  }

  /** Whether the node's relation is {@code [[database.]schema.]identifier}, without case. */
  private static boolean relationMatches(Node n, List<String> parts) {
    RelationName r = n.relation();
    if (r == null || "ephemeral".equals(n.materialized())) {
      return false;
    }
    String[] have = {r.database(), r.schema(), r.identifier()};
    for (int i = 0; i < parts.size(); i++) {
      String want = parts.get(parts.size() - 1 - i);
      String got = have[have.length - 1 - i];
      if (got == null || !got.equalsIgnoreCase(want)) {
        return false;
      }
    }
    return true;
  }

  /**
   * {@code db.schema."Orders"} → {@code [db, schema, orders]}: dot-separated parts, quotes ({@code
   * "}, {@code `}, {@code []}) removed, lower-cased; empty when malformed.
   */
  static List<String> parts(String name) {
    if (name == null) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    StringBuilder part = new StringBuilder();
    String s = name.strip();
    int i = 0;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (c == '"' || c == '`' || c == '[') {
        char close = c == '[' ? ']' : c;
        int j = i + 1;
        while (j < s.length()) {
          if (s.charAt(j) == close && j + 1 < s.length() && s.charAt(j + 1) == close && c != '[') {
            part.append(close);
            j += 2;
          } else if (s.charAt(j) == close) {
            break;
          } else {
            part.append(s.charAt(j++));
          }
        }
        if (j >= s.length()) {
          return List.of(); // unclosed quote
        }
        i = j + 1;
      } else if (c == '.') {
        if (part.isEmpty()) {
          return List.of();
        }
        out.add(part.toString().toLowerCase(Locale.ROOT));
        part.setLength(0);
        i++;
      } else {
        part.append(c);
        i++;
      }
    }
    if (part.isEmpty()) {
      return List.of();
    }
    out.add(part.toString().toLowerCase(Locale.ROOT));
    return out;
  }
}
