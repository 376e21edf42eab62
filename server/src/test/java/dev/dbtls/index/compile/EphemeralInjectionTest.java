package dev.dbtls.index.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dbtls.index.Node;
import dev.dbtls.testing.Fixture;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Ephemeral models in their children's compiled SQL, whitespace included, as dbt Core 1.x writes
 * target/compiled: each CTE is the ephemeral's own SQL before its injection (" __dbt__cte__x as
 * (\n" ... "\n)"), named after its alias; an ephemeral's own ephemerals come before it, in the
 * order of the {@code ref} calls; one referenced twice is there once. Every expected text below is
 * what dbt-core's {@code _recursively_prepend_ctes} and {@code inject_ctes_into_sql} give for these
 * rendered bodies (dbt's jinja drops a file's last newline; a {@code config()} line leaves one).
 */
class EphemeralInjectionTest {
  private static final String PROJECT =
      """
      -- file: models/eph_plain.sql
      {{ config(materialized='ephemeral') }}
      select 1 as id
      -- file: models/eph_with.sql
      {{ config(materialized='ephemeral') }}
      with base as (
          select * from {{ ref('eph_plain') }}
      )
      select * from base
      -- file: models/eph_aliased.sql
      {{ config(materialized='ephemeral', alias='renamed') }}
      select 2 as id
      -- file: models/child_no_with.sql
      select a.id
      from {{ ref('eph_plain') }} a
      join {{ ref('eph_plain') }} b on a.id = b.id
      -- file: models/child_with.sql
      -- what this model is for

      with own as (
          select * from {{ ref('eph_with') }}
      )
      select * from own join {{ ref('eph_plain') }} using (id)
      union all
      select * from {{ ref('eph_aliased') }}
      -- file: models/child_comment.sql
      /* header */
      select * from {{ ref('eph_aliased') }}
      -- file: models/schema.yml
      models:
        - name: eph_plain
          columns:
            - name: id
              data_tests: [unique]
      -- file: tests/no_null_ids.sql
      select * from {{ ref('eph_with') }} where id is null
      """;

  private static final String PLAIN = " __dbt__cte__eph_plain as (\n\nselect 1 as id\n)";
  private static final String WITH =
      " __dbt__cte__eph_with as (\n\nwith base as (\n    select * from __dbt__cte__eph_plain\n)"
          + "\nselect * from base\n)";
  private static final String ALIASED = " __dbt__cte__renamed as (\n\nselect 2 as id\n)";

  private static String compiled(String uniqueIdPrefix) {
    ProjectSnapshot s = Fixture.of(PROJECT).snapshot();
    Node n =
        s.manifest().nodes().values().stream()
            .filter(x -> x.uniqueId().startsWith(uniqueIdPrefix))
            .findFirst()
            .orElseThrow();
    CompiledNode c = new NodeCompiler(s).compile(n);
    assertEquals(List.of(), c.problems());
    return c.sql();
  }

  @Test
  void modelWithoutWithGetsOneInFrontAndAnEphemeralUsedTwiceOnce() {
    assertEquals(
        "with"
            + PLAIN
            + " select a.id\nfrom __dbt__cte__eph_plain a\njoin __dbt__cte__eph_plain b"
            + " on a.id = b.id",
        compiled("model.shop.child_no_with"));
  }

  @Test
  void modelWithItsOwnWithAndALeadingCommentTakesNestedAndMultipleEphemeralsAfterIt() {
    assertEquals(
        "-- what this model is for\n\nwith "
            + String.join(", ", PLAIN, WITH, ALIASED)
            + ", own as (\n    select * from __dbt__cte__eph_with\n)\nselect * from own join"
            + " __dbt__cte__eph_plain using (id)\nunion all\nselect * from __dbt__cte__renamed",
        compiled("model.shop.child_with"));
  }

  @Test
  void leadingBlockCommentComesAfterTheInjectedWith() {
    assertEquals(
        "with" + ALIASED + " /* header */\nselect * from __dbt__cte__renamed",
        compiled("model.shop.child_comment"));
  }

  @Test
  void anEphemeralCompiledOnItsOwnHasItsParentsInjected() {
    assertEquals(
        "\nwith "
            + PLAIN
            + ", base as (\n    select * from __dbt__cte__eph_plain\n)\nselect * from base",
        compiled("model.shop.eph_with"));
    assertEquals("\nselect 1 as id", compiled("model.shop.eph_plain"));
  }

  @Test
  void singularDataTestOnAnEphemeral() {
    assertEquals(
        "with" + PLAIN + ", " + WITH + " select * from __dbt__cte__eph_with where id is null",
        compiled("test.shop.no_null_ids"));
  }

  @Test
  void genericDataTestOnAnEphemeral() {
    String sql = compiled("test.shop.unique_eph_plain_id");
    String head = "with" + PLAIN + " select\n    id as unique_field,";
    assertEquals(head, sql.substring(0, Math.min(sql.length(), head.length())));
    assertEquals(1, sql.split("__dbt__cte__eph_plain as", -1).length - 1);
  }
}
