package dev.dbtls.index.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbtls.index.Node;
import dev.dbtls.project.Problem;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * dbt context members that public packages read: {@code builtins} (the context's own functions,
 * also {@code builtins.ref.config}, the run's project config), {@code invocation_args_dict}, {@code
 * set_strict}.
 */
class ContextMembersTest {
  private static final String PROJECT =
      """
      -- file: dbt_project.yml
      name: shop
      version: "2.1.0"
      profile: shop
      -- file: models/stg_orders.sql
      select 1 as order_id
      -- file: macros/runtime.sql
      {% macro runtime_config() %}{{ return(builtins.ref.config) }}{% endmacro %}
      -- file: models/orders.sql
      {%- set config = runtime_config() -%}
      select * from {{ builtins.ref('stg_orders') }}
      -- project {{ config.project_name }}, which {{ invocation_args_dict.get('which') }},
      -- {{ set_strict([1, 1, 2]) | length }} distinct, {{ config.args.which }}, {{ config.dependencies["shop"].version }}
      """;

  @Test
  void packagesReadTheContextsOwnMembers() {
    ProjectSnapshot s = YamlJinjaConfigTest.load(PROJECT, null, Map.of());
    Node n = s.manifest().nodes().get("model.shop.orders");
    assertEquals(List.of("model.shop.stg_orders"), n.dependsOn());
    CompiledNode c = new NodeCompiler(s).compile(n);
    assertEquals(List.of(), c.problems().stream().filter(Problem::isError).toList());
    String sql = c.sql().trim();
    assertTrue(sql.startsWith("select * from ") && sql.contains("stg_orders\"\n"), sql);
    assertTrue(
        sql.endsWith("\n-- project shop, which compile,\n-- 2 distinct, compile, 2.1.0"), sql);
  }
}
