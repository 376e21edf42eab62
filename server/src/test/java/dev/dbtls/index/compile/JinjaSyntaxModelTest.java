package dev.dbtls.index.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dbtls.index.Node;
import dev.dbtls.project.Problem;
import dev.dbtls.testing.Fixture;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A model written with the Jinja that real projects write and Jinjava alone refused (issue 13). */
class JinjaSyntaxModelTest {

  @Test
  void compilesWithoutProblems() {
    ProjectSnapshot s =
        Fixture.of(
                """
        -- file: macros/group_by.sql
        {% macro group_by(n) %}group by {% for i in range(1, n + 1) %}{{ i }}{{ ', ' if not loop.last }}{% endfor %}{% endmacro %}
        -- file: models/m.sql
        {{ config(materialized='table', meta={'owner': {'team': 'data'}})}}
        {%\u00a0set a, b, c = 1, 'two', [3] %}
        {%- set k = 1 -%}
        select {{ a+1 }} as a, '{{ b }}' as b, {{ c.0 }} as c, {{ 0xff }} as h, {{ 1_000 }} as t,
          {{ 123456789012345678901234567890 }} as big, {{ c | length is gt 0 }} as nonempty
        from t
        {{ group_by(n=1 + k) }}
        """)
            .snapshot();
    Node m =
        s.manifest().nodes().values().stream()
            .filter(n -> n.name().equals("m"))
            .findFirst()
            .orElseThrow();
    assertEquals(List.of(), s.manifest().problems().stream().map(Problem::format).toList());
    assertEquals("table", m.config().get("materialized"));
    CompiledNode c = new NodeCompiler(s).compile(m);
    assertEquals(List.of(), c.problems());
    assertEquals(
        """
        select 2 as a, 'two' as b, 3 as c, 255 as h, 1000 as t,
          123456789012345678901234567890 as big, True as nonempty
        from t
        group by 1, 2""",
        c.sql().strip());
  }
}
