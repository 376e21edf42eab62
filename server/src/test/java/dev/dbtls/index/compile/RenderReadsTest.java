package dev.dbtls.index.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dbtls.jinja.RenderReads;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * What a model's render read besides its own inputs ({@link RenderReads}): the macros it ran, the
 * environment variables it read (also by a computed name), and what none of its inputs holds — the
 * clock, the run, the graph, docs blocks, other relations' columns, a node it does not depend on —
 * also when a macro it called read it, and through an ephemeral parent.
 */
class RenderReadsTest {
  private static final String PROJECT =
      """
      -- file: dbt_project.yml
      name: shop
      profile: shop
      -- file: models/docs.md
      {% docs note %}a note{% enddocs %}
      -- file: models/stg_orders.sql
      select 1 as order_id, 2 as amount
      -- file: models/plain.sql
      {{ config(materialized='table') }}
      select order_id, {{ cents('amount') }} as cents from {{ ref('stg_orders') }}
      -- file: models/clock.sql
      select '{{ run_started_at.strftime("%Y") }}' as y from {{ ref('stg_orders') }}
      -- file: models/clock_by_macro.sql
      select {{ loaded_at() }} as loaded_at
      -- file: models/clock_by_builtins.sql
      select '{{ builtins.run_started_at }}' as y
      -- file: models/today.sql
      select '{{ modules.datetime.date.today() }}' as d
      -- file: models/run.sql
      select '{{ invocation_id }}' as run_id
      -- file: models/nodes.sql
      select {{ graph.nodes | length }} as n
      -- file: models/documented.sql
      select '{{ doc("note") }}' as note
      -- file: models/columns_of.sql
      {%- set cols = adapter.get_columns_in_relation(ref('stg_orders')) -%}
      select {{ cols | length }} as n from {{ ref('stg_orders') }}
      -- file: models/computed_env.sql
      {%- set suffix = 'DB' -%}
      select '{{ env_var('RAW_' ~ suffix) }}' as db, '{{ env_var('MISSING_ONE', 'x') }}' as other
      -- file: models/eph.sql
      {{ config(materialized='ephemeral') }}
      select '{{ run_started_at }}' as at, {{ cents('1') }} as c
      -- file: models/over_eph.sql
      select * from {{ ref('eph') }}
      -- file: macros/cents.sql
      {% macro cents(x) %}({{ x }} * 100){% endmacro %}
      {% macro loaded_at() %}'{{ run_started_at }}'{% endmacro %}
      """;

  private static final ProjectSnapshot SNAPSHOT = YamlJinjaConfigTest.load(PROJECT, null, Map.of());

  private static RenderReads reads(String model) {
    var n = SNAPSHOT.manifest().nodes().get("model.shop." + model);
    return new NodeCompiler(SNAPSHOT).compile(n).reads();
  }

  @Test
  void aModelThatReadsOnlyItsInputsIsKeyed() {
    assertEquals(new RenderReads(Set.of("shop.cents"), Set.of(), Set.of()), reads("plain"));
    assertEquals(RenderReads.NONE, reads("stg_orders"));
  }

  @Test
  void theClockTheRunTheGraphAndDocsAreUnkeyed() {
    assertEquals(Set.of("run_started_at"), reads("clock").unkeyed());
    assertEquals(Set.of("run_started_at"), reads("clock_by_macro").unkeyed());
    assertEquals(Set.of("shop.loaded_at"), reads("clock_by_macro").macros());
    assertEquals(Set.of("modules"), reads("today").unkeyed());
    assertEquals(Set.of("invocation_id"), reads("run").unkeyed());
    assertEquals(Set.of("graph"), reads("nodes").unkeyed());
    assertEquals(Set.of("doc"), reads("documented").unkeyed());
  }

  @Test
  void theContextsOwnMembersThroughBuiltinsAreUnkeyedToo() {
    assertEquals(Set.of("run_started_at"), reads("clock_by_builtins").unkeyed());
  }

  @Test
  void otherRelationsColumnsAreUnkeyed() {
    assertEquals(Set.of("adapter.get_columns_in_relation"), reads("columns_of").unkeyed());
  }

  @Test
  void environmentVariablesAreReadByTheNameTheRenderComputed() {
    RenderReads r = reads("computed_env");
    assertEquals(Set.of("RAW_DB", "MISSING_ONE"), r.envVars());
    assertEquals(Set.of(), r.unkeyed());
  }

  @Test
  void anEphemeralParentsReadsAreTheChilds() {
    RenderReads r = reads("over_eph");
    assertEquals(Set.of("run_started_at"), r.unkeyed());
    assertEquals(Set.of("shop.cents"), r.macros());
  }
}
