package dev.dbtls.index.compile;

import dev.dbtls.project.ProjectInputs;
import dev.dbtls.testing.Fixture;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProbeTest {
  @Test
  void probe() {
    Fixture f = Fixture.of("""
        -- file: models/a.sql
        {{ config(enabled=var('a', False) and var('b', False)) }}
        select 1
        -- file: models/b.sql
        {{ config(enabled=var('api','rest') == var('override','graphql')) }}
        select 1
        -- file: models/e.sql
        {{ config(enabled=var('a', False)) }}
        -- file: models/g.sql
        {{ config(materialized='table', enabled=(1 == 2)) }}
        -- file: models/h.sql
        {{ config(materialized=var('m', 'table')) }}
        -- file: models/a2.sql
        {{ config(enabled=(var('a', False) and var('b', False))) }}
        -- file: models/b2.sql
        {% set e = var('api','rest') == var('override','graphql') %}{{ config(enabled=e) }}
        -- file: models/b3.sql
        {{ config(materialized='table', enabled=var('api','rest') == 'x') }}
        -- file: models/c.sql
        select 1 {% if var('x', false) %} from {{ ref('y') }}{% endif %}
        -- file: models/d.sql
        select * from {{ ref('missing_one') }}
        -- file: models/schema.yml
        version: 2
        models:
          - name: a
            columns:
              - name: id
                tests:
                  - unique:
                      severity: warn
                  - relationships:
                      to: ref('nope')
                      field: id
          - name: d
            tests:
              - dbt_utils.foo:
                  name: assert_x
        """);
    ProjectSnapshot s = ProjectSnapshot.load(Fixture.ROOT, new ProjectInputs.Options(null, null, null,
        Map.of(), Map.of("HOME", "/x")), List.of(), f, true);
    System.out.println("ENABLED " + s.manifest().nodes().keySet());
    System.out.println("DISABLED " + s.manifest().disabled().keySet());
    s.manifest().problems().forEach(p -> System.out.println("PROBLEM " + p.format()));
    s.manifest().nodes().values().forEach(n -> System.out.println("DEPS " + n.uniqueId() + " " + n.dependsOn() + " " + n.config() + " " + (n.config().get("enabled") == null ? null : n.config().get("enabled").getClass())));
    NodeCompiler c = new NodeCompiler(s);
    s.manifest().nodes().values().stream().filter(n -> n.type().compiles()).forEach(n -> {
      var r = c.compile(n);
      System.out.println("COMPILED " + n.uniqueId() + " failed=" + r.failed() + " " + r.problems());
    });
  }
}
