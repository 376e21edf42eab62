package dev.dbtls.index.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.dbtls.testing.Fixture;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A local package read from its path works as an installed one: its macros and models resolve. */
class LocalPackageCompileTest {
  @Test
  void macrosAndModelsOfALocalPackageResolveWithoutDbtDeps() {
    Fixture f =
        Fixture.of(
            """
        -- file: packages.yml
        packages:
          - local: ../kit
        -- file: ../kit/dbt_project.yml
        name: revenue_kit
        -- file: ../kit/macros/cents.sql
        {% macro to_dollars(col) %}{{ col }} / 100.0{% endmacro %}
        -- file: ../kit/models/kit_orders.sql
        select 1 as id, 250 as cents
        -- file: models/report.sql
        select {{ revenue_kit.to_dollars('cents') }} as a
        from {{ ref('revenue_kit', 'kit_orders') }}
        """);
    ProjectSnapshot s = f.snapshot();
    CompiledNode c = new NodeCompiler(s).compile(s.manifest().nodes().get("model.shop.report"));
    assertFalse(c.failed(), c.problems().toString());
    assertEquals(
        "select cents / 100.0 as a\nfrom \"shop\".\"main\".\"kit_orders\"", c.sql().strip());
    assertEquals(
        List.of("model.revenue_kit.kit_orders"), s.manifest().dag().parentsOf("model.shop.report"));
  }
}
