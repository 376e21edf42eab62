package dev.dbtls.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbtls.index.compile.CompiledNode;
import dev.dbtls.index.compile.NodeCompiler;
import dev.dbtls.index.compile.ProjectSnapshot;
import dev.dbtls.testing.Fixture;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * dbt 1.12's {@code allow_jinja_file_extensions}: {@code .sql} and {@code .md} files may end in
 * {@code .j2}, {@code .jinja} or {@code .jinja2}; the node is named without the suffix. Without the
 * flag dbt ignores such files.
 */
class JinjaFileExtensionsTest {
  private static final String FILES =
      """
      -- file: models/stg_orders.sql.j2
      select 1 as id, {{ cents('amount') }} as amount
      -- file: models/orders.sql.jinja
      {{ config(materialized='table') }}
      select * from {{ ref('stg_orders') }}
      -- file: models/plain.sql
      select 2 as id
      -- file: models/schema.yml
      version: 2
      models:
        - name: orders
          description: '{{ doc("orders") }}'
      -- file: models/docs.md.jinja2
      {% docs orders %}Orders, one row each.{% enddocs %}
      -- file: macros/cents.sql.j2
      {% macro cents(col) %}{{ col }} / 100{% endmacro %}
      -- file: analyses/report.sql.jinja
      select * from {{ ref('orders') }}
      -- file: models/notes.txt.j2
      not dbt
      """;

  private static final String FLAG_ON =
      """
      -- file: dbt_project.yml
      name: shop
      profile: shop
      flags:
        allow_jinja_file_extensions: true
      """;

  @Test
  void withTheFlagFilesWithAJinjaSuffixAreNodesNamedWithoutIt() {
    ProjectSnapshot s = Fixture.of(FLAG_ON + FILES).snapshot();
    Manifest m = s.manifest();
    assertEquals(
        Set.of(
            "model.shop.stg_orders",
            "model.shop.orders",
            "model.shop.plain",
            "analysis.shop.report"),
        new TreeSet<>(m.nodes().keySet()));
    assertEquals("models/orders.sql.jinja", m.nodes().get("model.shop.orders").originalFilePath());
    assertEquals("table", m.nodes().get("model.shop.orders").config().get("materialized"));
    assertEquals("Orders, one row each.", m.nodes().get("model.shop.orders").description());
    assertEquals(
        java.util.List.of("model.shop.stg_orders"), m.dag().parentsOf("model.shop.orders"));
    CompiledNode c = new NodeCompiler(s).compile(m.nodes().get("model.shop.stg_orders"));
    assertFalse(c.failed(), c.problems().toString());
    assertEquals("select 1 as id, amount / 100 as amount", c.sql().strip());
    assertTrue(m.problems().stream().noneMatch(p -> p.isError()), m.problems().toString());
  }

  @Test
  void withoutTheFlagDbtIgnoresThem() {
    ProjectSnapshot s = Fixture.of(FILES).snapshot();
    assertEquals(Set.of("model.shop.plain"), new TreeSet<>(s.manifest().nodes().keySet()));
  }
}
