package dev.dbtls.columns;

import dev.dbtls.sql.StarClauses;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import net.sf.jsqlparser.expression.Alias;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.parser.ASTNodeAccess;
import net.sf.jsqlparser.parser.Node;
import net.sf.jsqlparser.parser.Token;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.select.AllColumns;
import net.sf.jsqlparser.statement.select.AllTableColumns;
import net.sf.jsqlparser.statement.select.FromItem;
import net.sf.jsqlparser.statement.select.Join;
import net.sf.jsqlparser.statement.select.LateralSubSelect;
import net.sf.jsqlparser.statement.select.OrderByElement;
import net.sf.jsqlparser.statement.select.ParenthesedFromItem;
import net.sf.jsqlparser.statement.select.ParenthesedSelect;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.select.SelectItem;
import net.sf.jsqlparser.statement.select.SetOperationList;
import net.sf.jsqlparser.statement.select.TableFunction;
import net.sf.jsqlparser.statement.select.WithItem;

/**
 * Walks one parsed query: CTEs in order (each visible to the ones after it and to the main query),
 * {@code from} items and joins into a {@link Scope}, select items into columns — {@code *} and
 * {@code alias.*} expanded from what each relation's columns are known to be ({@code except}/{@code
 * exclude}, {@code replace} and {@code rename} applied; the clauses JSqlParser does not read come
 * as {@link StarClauses}), set operations column by column. Columns read in {@code where}, {@code
 * on}/{@code using}, {@code group by}, {@code having}, {@code qualify} and {@code order by} at any
 * depth are collected as filter edges.
 */
final class SelectInference {
  private final ParentRelations parents;

  /** Star clauses the parser did not read, by the offset of their {@code *}. */
  private final Map<Integer, StarClauses> starClauses = new HashMap<>();

  final Map<String, Upstream> filters = new LinkedHashMap<>();
  final List<QueryColumns.MissingColumn> missing = new ArrayList<>();
  private int depth;

  SelectInference(ParentRelations parents) {
    this(parents, List.of());
  }

  SelectInference(ParentRelations parents, List<StarClauses> stars) {
    this.parents = parents;
    stars.forEach(c -> starClauses.put(c.star(), c));
  }

  /** A query in an environment of visible CTEs (lower-case name to shape). */
  Shape query(Select s, Map<String, Shape> ctes, Scope outer) {
    if (++depth > 64) {
      depth--;
      return Shape.unknown(null, "the query nests too deep to follow");
    }
    try {
      Map<String, Shape> env = ctes;
      if (s.getWithItemsList() != null && !s.getWithItemsList().isEmpty()) {
        env = new HashMap<>(ctes);
        for (WithItem<?> w : s.getWithItemsList()) {
          String name = Names.unquoted(w.getAliasName());
          Optional<ParentRelations.Parent> node = parents.cte(name);
          Shape shape =
              node.isPresent()
                  ? Shape.ofParent(node.get().id(), node.get().columns())
                  : w.getSelect() == null
                      ? Shape.unknown(null, "a CTE that is not a query")
                      : query(w.getSelect(), env, outer);
          shape = renamed(shape, w.getWithItemList());
          env.put(RelationColumns.key(name), shape);
        }
      }
      if (s instanceof PlainSelect p) {
        return plain(p, env, outer);
      }
      if (s instanceof SetOperationList set) {
        return setOperation(set, env, outer);
      }
      if (s instanceof ParenthesedSelect ps && ps.getSelect() != null) {
        return query(ps.getSelect(), env, outer);
      }
      return Shape.unknown(null, "a " + s.getClass().getSimpleName() + " is not followed");
    } finally {
      depth--;
    }
  }

  private static Shape renamed(Shape shape, List<SelectItem<?>> names) {
    if (names == null || names.isEmpty()) {
      return shape;
    }
    List<InferredColumn> items = new ArrayList<>();
    for (int i = 0; i < shape.items().size(); i++) {
      InferredColumn c = shape.items().get(i);
      if (i < names.size()) {
        String n = Names.unquoted(String.valueOf(names.get(i)));
        items.add(c.named(n, c.nameOrigin()));
      } else {
        items.add(c);
      }
    }
    return new Shape(items, shape.complete(), shape.gaps(), shape.openTo());
  }

  private Shape setOperation(SetOperationList set, Map<String, Shape> env, Scope outer) {
    List<Shape> branches = new ArrayList<>();
    for (Select s : set.getSelects()) {
      branches.add(query(s, env, outer));
    }
    if (branches.isEmpty()) {
      return Shape.unknown(null, "an empty set operation");
    }
    Shape first = branches.get(0);
    boolean complete = true;
    Set<String> gaps = new LinkedHashSet<>();
    Set<String> openTo = new LinkedHashSet<>();
    for (Shape b : branches) {
      complete &= b.complete();
      gaps.addAll(b.gaps());
      openTo.addAll(b.openTo());
    }
    boolean aligned =
        branches.stream().allMatch(b -> b.complete() && b.items().size() == first.items().size());
    List<InferredColumn> items = new ArrayList<>();
    for (int i = 0; i < first.items().size(); i++) {
      InferredColumn c = first.items().get(i);
      Map<String, Upstream> up = new LinkedHashMap<>();
      c.upstream().forEach(u -> ExpressionColumns.add(up, u));
      String type = c.type();
      Origin typeOrigin = c.typeOrigin();
      if (aligned) {
        for (Shape b : branches.subList(1, branches.size())) {
          InferredColumn other = b.items().get(i);
          // a union's column takes its name from the first branch: others are renamed into it
          other
              .upstream()
              .forEach(u -> ExpressionColumns.add(up, c.name() == null ? u : kindFor(c.name(), u)));
          if (type == null) {
            type = other.type();
            typeOrigin = other.typeOrigin();
          }
        }
      }
      items.add(
          new InferredColumn(
              c.name(), type, c.nameOrigin(), typeOrigin, new ArrayList<>(up.values())));
    }
    if (!aligned && complete) {
      gaps.add("the branches of a set operation have different numbers of columns");
    }
    return new Shape(items, complete && aligned, new ArrayList<>(gaps), new ArrayList<>(openTo));
  }

  private Shape plain(PlainSelect p, Map<String, Shape> env, Scope outer) {
    Scope scope = new Scope(outer);
    if (p.getFromItem() != null) {
      addFrom(scope, p.getFromItem(), env, List.of(), false);
    }
    if (p.getJoins() != null) {
      for (Join j : p.getJoins()) {
        List<String> using = new ArrayList<>();
        if (j.getUsingColumns() != null) {
          j.getUsingColumns().forEach(c -> using.add(Names.unquoted(c.getColumnName())));
        }
        addFrom(scope, j.getFromItem(), env, using, j.isNatural());
        if (j.getOnExpressions() != null) {
          j.getOnExpressions().forEach(e -> filter(e, scope, env));
        }
        for (String u : using) {
          for (Scope.Relation r : scope.relations) {
            in(r, u).ifPresent(c -> c.upstream().forEach(this::filterEdge));
          }
        }
      }
    }
    List<InferredColumn> items = new ArrayList<>();
    boolean complete = true;
    Set<String> gaps = new LinkedHashSet<>();
    Set<String> openTo = new LinkedHashSet<>();
    for (SelectItem<?> item : p.getSelectItems()) {
      Expression e = item.getExpression();
      if (e instanceof AllColumns && item.getAlias() != null) {
        // JSqlParser takes the word after a star for its alias: no warehouse does, and it is
        // mostly a clause being typed (`* exclude`, `* rename`)
        complete = false;
        gaps.add("`* " + item.getAlias().getName() + "` is not complete (a star takes no alias)");
      } else if (e instanceof AllTableColumns atc) {
        String alias = atc.getTable() == null ? null : Names.unquoted(atc.getTable().getName());
        Optional<Scope.Relation> r = alias == null ? Optional.empty() : scope.relation(alias);
        if (r.isEmpty()) {
          complete = false;
          gaps.add(alias + ".* names no relation of the query");
          continue;
        }
        complete &= star(List.of(r.get()), atc, scope, env, items, gaps, openTo, false);
      } else if (e instanceof AllColumns ac) {
        complete &= star(scope.relations, ac, scope, env, items, gaps, openTo, true);
      } else {
        InferredColumn c = item(item, e, scope, env);
        items.add(c);
        scope.earlierItems.add(c);
      }
    }
    // after the select list: where (DuckDB, Snowflake...), group by, having, qualify and order by
    // may name its aliases
    filter(p.getWhere(), scope, env);
    filter(p.getHaving(), scope, env);
    filter(p.getQualify(), scope, env);
    if (p.getGroupBy() != null && p.getGroupBy().getGroupByExpressionList() != null) {
      for (Object e : p.getGroupBy().getGroupByExpressionList()) {
        filter((Expression) e, scope, env);
      }
    }
    if (p.getOrderByElements() != null) {
      for (OrderByElement o : p.getOrderByElements()) {
        filter(o.getExpression(), scope, env);
      }
    }
    return new Shape(items, complete, new ArrayList<>(gaps), new ArrayList<>(openTo));
  }

  /** One select item that is not a star: its name, type and upstream edges. */
  private InferredColumn item(
      SelectItem<?> item, Expression e, Scope scope, Map<String, Shape> env) {
    Origin where = range(item);
    String name = item.getAlias() != null ? Names.unquoted(item.getAlias().getName()) : null;
    if (e instanceof Column col && !isValueWord(col)) {
      String colName = Names.unquoted(col.getColumnName());
      String qualifier =
          col.getTable() == null || col.getTable().getName() == null
              ? null
              : Names.unquoted(col.getTable().getName());
      String out = name != null ? name : colName;
      Optional<InferredColumn> src = scope.resolve(qualifier, colName);
      if (src.isPresent()) {
        InferredColumn s = src.get();
        List<Upstream> up = new ArrayList<>();
        s.upstream().forEach(u -> up.add(kindFor(out, u)));
        Origin nameOrigin = name != null ? where : s.nameOrigin() != null ? s.nameOrigin() : where;
        return new InferredColumn(
            out, s.type(), nameOrigin, s.type() == null ? null : s.typeOrigin(), up);
      }
      scope.lacking(qualifier, colName).ifPresent(r -> missing(col, r));
      return new InferredColumn(out, null, where, null, List.of());
    }
    List<Upstream> up =
        ExpressionColumns.read(e, scope, (sub, sc) -> query(sub, env, sc), this::missing);
    String type = ExpressionType.of(unwrapped(e));
    return new InferredColumn(name, type, where, type == null ? null : where, up);
  }

  private static Expression unwrapped(Expression e) {
    while (e instanceof net.sf.jsqlparser.expression.Parenthesis p) {
      e = p.getExpression();
    }
    return e;
  }

  private static boolean isValueWord(Column c) {
    return c.getTable() == null
        && c.getColumnName() != null
        && ExpressionColumns.VALUE_WORDS.contains(c.getColumnName().toLowerCase(Locale.ROOT));
  }

  /** A reference under the name {@code out}: passed through when the name stays, else renamed. */
  private static Upstream kindFor(String out, Upstream u) {
    if (u.kind() == EdgeKind.COMPUTED || u.kind() == EdgeKind.AGGREGATED) {
      return u;
    }
    return new Upstream(
        u.relation(),
        u.column(),
        u.column().equalsIgnoreCase(out) ? EdgeKind.PASSED_THROUGH : EdgeKind.RENAMED);
  }

  /**
   * {@code *} or {@code alias.*} over {@code relations}, with its {@code exclude}/{@code except},
   * {@code replace} and {@code rename} clauses; false when the list is not complete.
   */
  private boolean star(
      List<Scope.Relation> relations,
      AllColumns star,
      Scope scope,
      Map<String, Shape> env,
      List<InferredColumn> items,
      Set<String> gaps,
      Set<String> openTo,
      boolean mergeUsing) {
    StarClauses clauses = starClauses.get(starOffset(star));
    Map<String, Named> except = new LinkedHashMap<>();
    if (star.getExceptColumns() != null) {
      for (Column c : star.getExceptColumns()) {
        String name = Names.unquoted(c.getColumnName());
        except.put(RelationColumns.key(name), new Named(name, range(c)));
      }
    }
    Map<String, StarClauses.Rename> rename = new LinkedHashMap<>();
    if (clauses != null) {
      for (StarClauses.Name n : clauses.excluded()) {
        String name = Names.unquoted(n.text());
        except.put(RelationColumns.key(name), new Named(name, Origin.sql(n.start(), n.end())));
      }
      for (StarClauses.Rename r : clauses.renamed()) {
        rename.put(RelationColumns.key(Names.unquoted(r.from().text())), r);
      }
    }
    Map<String, SelectItem<?>> replace = new HashMap<>();
    if (star.getReplaceExpressions() != null) {
      for (SelectItem<?> r : star.getReplaceExpressions()) {
        if (r.getAlias() != null) {
          replace.put(RelationColumns.key(Names.unquoted(r.getAlias().getName())), r);
        }
      }
    }
    Set<String> seen = new HashSet<>();
    boolean complete = true;
    Origin where = range(star);
    for (Scope.Relation r : relations) {
      for (InferredColumn c : r.shape().items()) {
        if (c.name() == null) {
          complete = false;
          gaps.add("an expression without a name (alias it with `as`)");
          continue;
        }
        String key = RelationColumns.key(c.name());
        seen.add(key);
        if (except.containsKey(key) || mergeUsing && r.skipInStar().contains(key)) {
          continue;
        }
        SelectItem<?> rep = replace.get(key);
        InferredColumn out;
        if (rep != null) {
          out = item(rep, rep.getExpression(), scope, env);
        } else {
          List<Upstream> up = new ArrayList<>();
          c.upstream().forEach(u -> up.add(kindFor(c.name(), u)));
          out =
              new InferredColumn(
                  c.name(),
                  c.type(),
                  c.nameOrigin() != null ? c.nameOrigin() : where,
                  c.typeOrigin(),
                  up);
        }
        StarClauses.Rename rn = rename.get(key);
        items.add(rn == null ? out : renamed(out, rn));
      }
      if (!r.shape().complete()) {
        complete = false;
        gaps.addAll(r.shape().gaps());
        openTo.addAll(r.shape().openTo());
      }
    }
    List<Scope.Relation> open = relations.stream().filter(r -> !r.shape().complete()).toList();
    for (Map.Entry<String, StarClauses.Rename> e : rename.entrySet()) {
      if (!seen.contains(e.getKey()) && !open.isEmpty()) {
        // a column of what is not known: its new name is, and where it comes from when only
        // one parent's unknown columns flow in (as a named reference to it would)
        Set<String> from = new LinkedHashSet<>();
        open.forEach(r -> from.addAll(r.shape().openTo()));
        String column = Names.unquoted(e.getValue().from().text());
        List<Upstream> up =
            from.size() == 1
                ? List.of(new Upstream(from.iterator().next(), column, EdgeKind.PASSED_THROUGH))
                : List.of();
        items.add(renamed(new InferredColumn(column, null, null, null, up), e.getValue()));
      }
    }
    if (open.isEmpty() && relations.size() == 1 && relations.get(0).parentId() != null) {
      // a parent whose columns are all known lacks a column the clauses name
      Scope.Relation r = relations.get(0);
      except.forEach((key, n) -> lacks(r, seen, key, n));
      rename.forEach(
          (key, rn) ->
              lacks(
                  r,
                  seen,
                  key,
                  new Named(
                      Names.unquoted(rn.from().text()),
                      Origin.sql(rn.from().start(), rn.from().end()))));
    }
    return complete;
  }

  /** {@code c} under the name a {@code rename} clause gives it; the name's origin the clause. */
  private static InferredColumn renamed(InferredColumn c, StarClauses.Rename rn) {
    String name = Names.unquoted(rn.to().text());
    List<Upstream> up = new ArrayList<>();
    c.upstream().forEach(u -> up.add(kindFor(name, u)));
    return new InferredColumn(
        name, c.type(), Origin.sql(rn.from().start(), rn.to().end()), c.typeOrigin(), up);
  }

  /** A column a star clause names, where the SQL names it. */
  private record Named(String name, Origin at) {}

  private void lacks(Scope.Relation r, Set<String> seen, String key, Named n) {
    if (!seen.contains(key)) {
      missing.add(
          new QueryColumns.MissingColumn(r.parentId(), n.name(), n.at().start(), n.at().end()));
    }
  }

  /** The offset of the {@code *} of {@code *} or {@code alias.*}; -1 when the parse lost it. */
  private static int starOffset(AllColumns star) {
    Node node = star.getASTNode();
    if (node == null || node.jjtGetFirstToken() == null) {
      return -1;
    }
    Token last = node.jjtGetLastToken();
    for (Token t = node.jjtGetFirstToken(); t != null; t = t.next) {
      if ("*".equals(t.image)) {
        return t.absoluteBegin - 1;
      }
      if (t == last) {
        break;
      }
    }
    return -1;
  }

  /** Adds a {@code from} item (table, CTE, subquery, parenthesized join) to the scope. */
  private void addFrom(
      Scope scope, FromItem f, Map<String, Shape> env, List<String> using, boolean natural) {
    String alias = f.getAlias() == null ? null : Names.unquoted(f.getAlias().getName());
    Shape shape;
    String parentId = null;
    if (f instanceof Table t) {
      List<String> parts = new ArrayList<>();
      for (String part : t.getNameParts() == null ? List.<String>of() : t.getNameParts()) {
        if (part != null) {
          parts.add(0, Names.unquoted(part)); // JSqlParser keeps the parts last first
        }
      }
      if (parts.isEmpty()) {
        parts.add(Names.unquoted(t.getName()));
      }
      String last = parts.get(parts.size() - 1);
      Shape cte = parts.size() == 1 ? env.get(RelationColumns.key(last)) : null;
      if (cte != null) {
        shape = cte;
      } else {
        Optional<ParentRelations.Parent> parent = parents.find(parts);
        parentId = parent.map(ParentRelations.Parent::id).orElse(null);
        shape =
            parent.isPresent()
                ? Shape.ofParent(parent.get().id(), parent.get().columns())
                : Shape.unknown(
                    String.join(".", parts),
                    String.join(".", parts)
                        + " is no model, seed, snapshot or source of the project");
      }
      if (alias == null) {
        alias = last;
      }
    } else if (f instanceof TableFunction tf && flatten(tf.getFunction()) != null) {
      shape = flattened(flatten(tf.getFunction()), scope, env);
    } else if (f instanceof LateralSubSelect l && l.getSelect() != null) {
      shape = query(l.getSelect(), env, scope);
    } else if (f instanceof ParenthesedSelect ps && ps.getSelect() != null) {
      shape = query(ps.getSelect(), env, scope.outer);
    } else if (f instanceof ParenthesedFromItem pf) {
      addFrom(scope, pf.getFromItem(), env, List.of(), false);
      if (pf.getJoins() != null) {
        for (Join j : pf.getJoins()) {
          addFrom(scope, j.getFromItem(), env, List.of(), j.isNatural());
          if (j.getOnExpressions() != null) {
            j.getOnExpressions().forEach(e -> filter(e, scope, env));
          }
        }
      }
      return;
    } else {
      shape =
          Shape.unknown(
              null,
              "a "
                  + f.getClass().getSimpleName()
                  + " in from (a table function, values, unnest) is not followed");
    }
    shape = withAliasColumns(shape, f.getAlias());
    List<String> skip = new ArrayList<>();
    using.forEach(u -> skip.add(RelationColumns.key(u)));
    if (natural) {
      for (Scope.Relation earlier : scope.relations) {
        earlier
            .shape()
            .items()
            .forEach(
                c -> {
                  if (c.name() != null) {
                    skip.add(RelationColumns.key(c.name()));
                  }
                });
      }
    }
    scope.relations.add(new Scope.Relation(alias, shape, skip, parentId));
  }

  /** Snowflake's {@code flatten(...)}, also as {@code table(flatten(...))}; else null. */
  private static Function flatten(Function f) {
    if (f == null || f.getName() == null) {
      return null;
    }
    String name = f.getName().toLowerCase(java.util.Locale.ROOT);
    if (name.equals("table")
        && f.getParameters() != null
        && f.getParameters().size() == 1
        && f.getParameters().get(0) instanceof Function inner) {
      return flatten(inner);
    }
    return name.equals("flatten") ? f : null;
  }

  /** FLATTEN's fixed columns, each computed from the columns its input reads. */
  private Shape flattened(Function f, Scope scope, Map<String, Shape> env) {
    List<Upstream> up = new ArrayList<>();
    for (Upstream u :
        ExpressionColumns.read(f, scope, (sub, sc) -> query(sub, env, sc), this::missing)) {
      up.add(new Upstream(u.relation(), u.column(), EdgeKind.COMPUTED));
    }
    Origin at = range(f);
    List<InferredColumn> items = new ArrayList<>();
    FLATTEN_COLUMNS.forEach((name, type) -> items.add(new InferredColumn(name, type, at, at, up)));
    return new Shape(items, true, List.of(), List.of());
  }

  private static final Map<String, String> FLATTEN_COLUMNS = new java.util.LinkedHashMap<>();

  static {
    FLATTEN_COLUMNS.put("seq", "number");
    FLATTEN_COLUMNS.put("key", "varchar");
    FLATTEN_COLUMNS.put("path", "varchar");
    FLATTEN_COLUMNS.put("index", "number");
    FLATTEN_COLUMNS.put("value", "variant");
    FLATTEN_COLUMNS.put("this", "variant");
  }

  private static Shape withAliasColumns(Shape shape, Alias alias) {
    if (alias == null || alias.getAliasColumns() == null || alias.getAliasColumns().isEmpty()) {
      return shape;
    }
    List<InferredColumn> items = new ArrayList<>();
    List<Alias.AliasColumn> names = alias.getAliasColumns();
    for (int i = 0; i < Math.max(names.size(), shape.items().size()); i++) {
      InferredColumn c =
          i < shape.items().size()
              ? shape.items().get(i)
              : new InferredColumn(null, null, null, null, List.of());
      String n = i < names.size() ? Names.unquoted(names.get(i).name) : c.name();
      List<Upstream> up = new ArrayList<>();
      c.upstream().forEach(u -> up.add(n == null ? u : kindFor(n, u)));
      items.add(new InferredColumn(n, c.type(), c.nameOrigin(), c.typeOrigin(), up));
    }
    return new Shape(items, shape.complete(), shape.gaps(), shape.openTo());
  }

  private static Optional<InferredColumn> in(Scope.Relation r, String name) {
    return r.shape().items().stream()
        .filter(c -> c.name() != null && c.name().equalsIgnoreCase(name))
        .findFirst();
  }

  private void filter(Expression e, Scope scope, Map<String, Shape> env) {
    if (e == null) {
      return;
    }
    for (Upstream u :
        ExpressionColumns.read(e, scope, (sub, sc) -> query(sub, env, sc), this::missing)) {
      filterEdge(u);
    }
  }

  private void missing(Column c, Scope.Relation r) {
    Origin at = range(c);
    missing.add(
        new QueryColumns.MissingColumn(
            r.parentId(), Names.unquoted(c.getColumnName()), at.start(), at.end()));
  }

  private void filterEdge(Upstream u) {
    ExpressionColumns.add(filters, new Upstream(u.relation(), u.column(), EdgeKind.FILTER_JOIN));
  }

  private static Origin range(ASTNodeAccess n) {
    Node node = n == null ? null : n.getASTNode();
    if (node == null || node.jjtGetFirstToken() == null || node.jjtGetLastToken() == null) {
      return Origin.sql(-1, -1);
    }
    // JSqlParser's absolute positions count from 1
    return Origin.sql(
        node.jjtGetFirstToken().absoluteBegin - 1, node.jjtGetLastToken().absoluteEnd - 1);
  }
}
