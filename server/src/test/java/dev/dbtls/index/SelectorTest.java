package dev.dbtls.index;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dbtls.testing.Fixture;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class SelectorTest {
  private static final Manifest M =
      ManifestBuilder.build(
          Fixture.of(
                  """
      -- file: dbt_project.yml
      name: shop
      profile: shop
      models:
        shop:
          staging:
            +tags: [stage]
      -- file: models/staging/stg_a.sql
      select 1
      -- file: models/staging/stg_b.sql
      select * from {{ ref('stg_a') }}
      -- file: models/marts/m1.sql
      {{ config(materialized='table', tags=['daily']) }}
      select * from {{ ref('stg_b') }}
      -- file: models/marts/m2.sql
      select * from {{ ref('m1') }}
      -- file: seeds/s.csv
      a
      1
      """)
              .load());

  private static Set<String> names(String... select) {
    Selector s = new Selector(M);
    Set<String> out = new TreeSet<>();
    s.select(List.of(select), List.of()).forEach(id -> out.add(M.nodes().get(id).name()));
    return out;
  }

  @Test
  void namesAndWildcards() {
    assertEquals(Set.of("stg_a"), names("stg_a"));
    assertEquals(Set.of("stg_a", "stg_b"), names("stg_*"));
    assertEquals(Set.of("m1", "m2"), names("marts"));
    assertEquals(Set.of("m1", "m2"), names("shop.marts"));
  }

  @Test
  void graphOperators() {
    assertEquals(Set.of("stg_a", "stg_b", "m1"), names("+m1"));
    assertEquals(Set.of("stg_b", "m1"), names("1+m1"));
    assertEquals(Set.of("stg_b", "m1", "m2"), names("stg_b+"));
    assertEquals(Set.of("stg_b", "m1"), names("stg_b+1"));
    assertEquals(Set.of("stg_a", "stg_b", "m1", "m2"), names("@stg_b"));
  }

  @Test
  void methodsUnionAndIntersection() {
    assertEquals(Set.of("stg_a", "stg_b"), names("tag:stage"));
    assertEquals(Set.of("m1", "m2"), names("path:models/marts"));
    assertEquals(Set.of("s"), names("resource_type:seed"));
    assertEquals(Set.of("m1"), names("config.materialized:table"));
    assertEquals(Set.of("stg_a", "m1"), names("stg_a tag:daily"));
    assertEquals(Set.of("stg_b", "m2"), names("tag:stage,1+m1", "m2"), "intersection then union");
    assertEquals(Set.of("stg_a"), names("tag:stage,+stg_a"));
  }

  @Test
  void excludeAndUnknownMethod() {
    Selector s = new Selector(M);
    Set<String> ids = s.select(List.of("+m2"), List.of("m1"));
    assertEquals(
        Set.of("model.shop.stg_a", "model.shop.stg_b", "model.shop.m2"), new TreeSet<>(ids));
    s.select(List.of("colour:red"), List.of());
    assertEquals("selector-invalid", s.problems().get(0).code().id());
  }
}
