package dev.dbtls.index.compile;

import dev.dbtls.index.Node;
import dev.dbtls.index.SourceCall;
import dev.dbtls.jinja.JinjaCallable;
import dev.dbtls.jinja.Relation;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code source('source_name', 'table_name')}: the declared table's relation. */
final class SourceFunction implements JinjaCallable {
  private final CompileScope scope;

  SourceFunction(CompileScope scope) {
    this.scope = scope;
  }

  @Override
  public Object call(List<Object> args, Map<String, Object> kwargs) {
    Args a = new Args(args, kwargs);
    String source = a.string(0, "source_name");
    String table = a.string(1, "table_name");
    if (scope.parseOnly()) {
      scope.captured().sources().add(new SourceCall(source, table, 0, 0));
      return Relation.of(scope.adapter(), null, source, table);
    }
    Optional<Node> n =
        source == null || table == null
            ? Optional.empty()
            : scope.manifest().resolveSource(scope.node().packageName(), source, table);
    scope.resolved("source " + source + "." + table, n.orElse(null));
    if (n.isEmpty()) {
      scope.fail();
      return Relation.of(scope.adapter(), null, source, table);
    }
    if (scope.unitTest() != null) {
      Relation fixture =
          scope.fixture(
              n.get().uniqueId(),
              source + "__" + table,
              "source('" + source + "', '" + table + "')");
      return fixture != null ? fixture : Relation.of(scope.adapter(), null, source, table);
    }
    Relation r = Relations.of(n.get(), scope.adapter(), scope.quoting());
    // dbt's --empty: a source read as no rows
    return scope.build() != null && scope.build().empty() ? r.withLimit(0) : r;
  }
}
