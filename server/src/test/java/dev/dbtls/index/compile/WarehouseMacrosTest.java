package dev.dbtls.index.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbtls.index.Node;
import dev.dbtls.project.Problem;
import dev.dbtls.project.ProblemCode;
import dev.dbtls.testing.Fixture;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * dbt's macros that only a warehouse can answer: called from a project, they render nothing and say
 * so at the project's call, never "undefined macro"; a project's own definition wins.
 */
class WarehouseMacrosTest {
  private static CompiledNode compile(String spec, String model) {
    ProjectSnapshot s = Fixture.of(spec).snapshot();
    Node n =
        s.manifest().nodes().values().stream()
            .filter(x -> x.name().equals(model))
            .findFirst()
            .orElseThrow();
    return new NodeCompiler(s).compile(n);
  }

  @Test
  void aWarehouseMacroCalledFromAMacroIsReportedAtTheProjectsCall() {
    CompiledNode c =
        compile(
            """
            -- file: macros/grants.sql
            {% macro grant_it(relation) %}
              {{ return(dbt.get_catalog(relation, []) ~ '|' ~ create_indexes(relation)) }}
            {% endmacro %}
            -- file: models/m.sql
            select 1 as id
            -- {{ grant_it(this) }}
            """,
            "m");
    List<Problem> w =
        c.problems().stream().filter(p -> p.code() == ProblemCode.WAREHOUSE_MACRO).toList();
    assertEquals(2, w.size(), c.problems().toString());
    assertTrue(w.stream().anyMatch(p -> p.message().contains("'create_indexes'")), w.toString());
    assertTrue(w.stream().anyMatch(p -> p.message().contains("'get_catalog'")));
    assertTrue(w.stream().allMatch(p -> p.file().endsWith("grants.sql") && p.line() == 1));
    assertFalse(c.failed());
    assertTrue(c.sql().contains("-- |"), c.sql());
  }

  @Test
  void theProjectsOwnDefinitionWins() {
    CompiledNode c =
        compile(
            """
            -- file: macros/create_indexes.sql
            {% macro create_indexes(relation) %}mine{% endmacro %}
            -- file: models/m.sql
            select '{{ create_indexes(this) }}' as v
            """,
            "m");
    assertEquals(List.of(), c.problems());
    assertEquals("select 'mine' as v", c.sql());
  }

  @Test
  void adapterOnlyNamesExistOnlyOnTheirAdapters() {
    String spec =
        """
        -- file: models/m.sql
        select {{ 1 if dbt_spark_validate_get_file_format is defined else 0 }} as spark_merge
        """;
    assertEquals("select 0 as spark_merge", compile(spec, "m").sql());
    String databricks =
        "-- file: profiles.yml\nshop:\n  target: dev\n  outputs:\n    dev:\n      type: databricks\n"
            + "      schema: s\n"
            + spec;
    assertEquals("select 1 as spark_merge", compile(databricks, "m").sql());
  }

  @Test
  void dbtsContextMacrosAreReachedThroughTheDbtNamespace() {
    CompiledNode c =
        compile(
            """
            -- file: models/m.sql
            {%- set r = dbt.run_query('select 1') -%}
            select {{ r.rows | length }} as n
            """,
            "m");
    assertEquals("select 0 as n", c.sql());
    assertTrue(c.problems().stream().noneMatch(Problem::isError), c.problems().toString());
  }
}
