package dev.dbtls.ide;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbtls.project.Span;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PlanSourcesTest {

  /** A mini project: staging models over a source and a seed, and a mart to map plans of. */
  private static final String PROJECT =
      """
      -- file: dbt_project.yml
      name: shop
      profile: shop
      -- file: seeds/raw_stores.csv
      id,name
      1,a
      -- file: models/sources.yml
      version: 2
      sources:
        - name: raw
          schema: landing
          tables:
            - name: orders
      -- file: models/stg_orders.sql
      select * from {{ source('raw', 'orders') }}
      -- file: models/stg_stores.sql
      select * from {{ ref('raw_stores') }}
      -- file: models/renamed.sql
      {{ config(alias='shop_renamed') }}
      select 1 as id
      -- file: models/mart.sql
      with orders as (
          select * from {{ ref('stg_orders') }}
      ),
      "Big Orders" as (
          select * from orders o where o.amount > 100
      )
      select s.id, r.id
      from {{ ref('stg_stores') }} as s
      join {{ source('raw', 'orders') }} raw_o on raw_o.store_id = s.id
      join {{ ref('renamed') }} r on true
      join "Big Orders" as b on b.id = s.id
      union all
      select id, id from {{ ref('stg_stores') }}
      """;

  private static PlanSources sources() {
    NavFixture f = NavFixture.of(PROJECT);
    return PlanSources.of(f.snapshot(), "models/mart.sql");
  }

  private static PlanSource ref(String name, int line, int col, int endCol) {
    return new PlanSource(
        PlanSource.Kind.REF,
        name,
        "model.shop." + name,
        "models/mart.sql",
        new Span(line, col, line, endCol));
  }

  private static final PlanSource STG_ORDERS = ref("stg_orders", 1, 21, 38);
  private static final PlanSource STG_STORES = ref("stg_stores", 7, 8, 25);
  private static final PlanSource STG_STORES_AGAIN = ref("stg_stores", 12, 22, 39);
  private static final PlanSource RENAMED = ref("renamed", 9, 8, 22);
  private static final PlanSource RAW_ORDERS =
      new PlanSource(
          PlanSource.Kind.SOURCE,
          "raw.orders",
          "source.shop.raw.orders",
          "models/mart.sql",
          new Span(8, 8, 8, 31));

  @Test
  void aRelationNameMapsToItsRefOrSourceCallWithOrWithoutQualifiersAndCase() {
    PlanSources s = sources();
    assertEquals(Optional.of(STG_ORDERS), s.locate("stg_orders"));
    assertEquals(Optional.of(STG_ORDERS), s.locate("STG_ORDERS"));
    assertEquals(Optional.of(STG_ORDERS), s.locate("main.stg_orders"));
    assertEquals(Optional.of(STG_ORDERS), s.locate("\"shop\".\"main\".\"stg_orders\""));
    assertEquals(Optional.of(RAW_ORDERS), s.locate("landing.orders"));
    assertEquals(Optional.of(RAW_ORDERS), s.locate("`landing`.`ORDERS`"));
    // the warehouse names the alias (identifier), not the model
    assertEquals(Optional.of(RENAMED), s.locate("shop_renamed"));
    assertEquals(Optional.of(RENAMED), s.locate("renamed"));
  }

  @Test
  void theWrongSchemaOrDatabaseDoesNotMatch() {
    PlanSources s = sources();
    assertEquals(Optional.empty(), s.locate("other.stg_orders"));
    assertEquals(Optional.empty(), s.locate("otherdb.main.stg_orders"));
    assertEquals(Optional.empty(), s.locate("a.b.c.stg_orders"));
  }

  @Test
  void aModelReferencedTwiceGivesEveryCallAndLocateTheFirst() {
    PlanSources s = sources();
    assertEquals(List.of(STG_STORES, STG_STORES_AGAIN), s.all("stg_stores"));
    assertEquals(Optional.of(STG_STORES), s.locate("stg_stores"));
  }

  @Test
  void aCteNameMapsToItsDefinitionQuotedOrNot() {
    PlanSources s = sources();
    assertEquals(
        Optional.of(
            new PlanSource(
                PlanSource.Kind.CTE, "Big Orders", null, "models/mart.sql", new Span(3, 1, 3, 11))),
        s.locate("\"Big Orders\""));
    assertEquals(
        Optional.of(
            new PlanSource(
                PlanSource.Kind.CTE, "Big Orders", null, "models/mart.sql", new Span(3, 1, 3, 11))),
        s.locate("big orders"));
  }

  @Test
  void aRelationIdentifierWinsOverACteOfTheSameName() {
    // the source's table is called orders, and so is the CTE: a plan's relation is a table
    assertEquals(Optional.of(RAW_ORDERS), sources().locate("orders"));
  }

  @Test
  void aliasesMapToWhatTheyAlias() {
    PlanSources s = sources();
    assertEquals(Optional.of(STG_STORES), s.locate("s"));
    assertEquals(Optional.of(RAW_ORDERS), s.locate("RAW_O"));
    assertEquals(Optional.of(RENAMED), s.locate("r"));
    assertEquals(
        Optional.of(
            new PlanSource(
                PlanSource.Kind.CTE, "Big Orders", null, "models/mart.sql", new Span(3, 1, 3, 11))),
        s.locate("b"));
    assertEquals(
        Optional.of(
            new PlanSource(
                PlanSource.Kind.CTE, "orders", null, "models/mart.sql", new Span(0, 5, 0, 11))),
        s.locate("o"));
  }

  @Test
  void anInlinedParentMapsToItsRef() {
    PlanSources s = sources();
    assertEquals(
        Optional.of(
            new PlanSource(
                PlanSource.Kind.UPSTREAM,
                "stg_orders",
                "model.shop.stg_orders",
                "models/mart.sql",
                new Span(1, 21, 1, 38))),
        s.locate("__dbtls_upstream__stg_orders"));
  }

  @Test
  void aRelationFurtherUpMapsToTheRefThatReachesIt() {
    // a seed under an inlined staging model: the plan scans raw_stores
    assertEquals(
        Optional.of(
            new PlanSource(
                PlanSource.Kind.UPSTREAM,
                "stg_stores",
                "seed.shop.raw_stores",
                "models/mart.sql",
                new Span(7, 8, 7, 25))),
        sources().locate("raw_stores"));
    assertEquals(
        Optional.of(
            new PlanSource(
                PlanSource.Kind.UPSTREAM,
                "stg_stores",
                "seed.shop.raw_stores",
                "models/mart.sql",
                new Span(7, 8, 7, 25))),
        sources().locate("__dbtls_upstream__raw_stores"));
  }

  @Test
  void anEphemeralParentsCteMapsToItsRef() {
    NavFixture f =
        NavFixture.of(
            """
        -- file: models/eph.sql
        {{ config(materialized='ephemeral') }}
        select 1 as id
        -- file: models/top.sql
        select * from {{ ref('eph') }}
        """);
    PlanSources s = PlanSources.of(f.snapshot(), "models/top.sql");
    assertEquals(
        Optional.of(
            new PlanSource(
                PlanSource.Kind.REF,
                "eph",
                "model.shop.eph",
                "models/top.sql",
                new Span(0, 17, 0, 27))),
        s.locate("__dbt__cte__eph"));
    // an ephemeral model is no relation
    assertEquals(
        Optional.of(
            new PlanSource(
                PlanSource.Kind.REF,
                "eph",
                "model.shop.eph",
                "models/top.sql",
                new Span(0, 17, 0, 27))),
        s.locate("eph"));
  }

  @Test
  void unknownAndMalformedNamesAreEmpty() {
    PlanSources s = sources();
    for (String name : new String[] {"nothing", "", "  ", "a..b", "\"unclosed", ".x", "x.", null}) {
      assertEquals(Optional.empty(), s.locate(name), String.valueOf(name));
    }
    assertTrue(
        PlanSources.of(NavFixture.of(PROJECT).snapshot(), "models/none.sql")
            .all("stg_orders")
            .isEmpty());
  }

  @Test
  void theEditorsTextIsReadNotTheFileOnDisk() {
    NavFixture f = NavFixture.of(PROJECT);
    PlanSources s =
        PlanSources.of(f.snapshot(), "models/mart.sql", "select * from {{ ref('renamed') }} x");
    assertEquals(
        Optional.of(
            new PlanSource(
                PlanSource.Kind.REF,
                "renamed",
                "model.shop.renamed",
                "models/mart.sql",
                new Span(0, 17, 0, 31))),
        s.locate("x"));
    assertEquals(Optional.empty(), s.locate("stg_orders"));
  }

  @Test
  void aDanglingRefHasNoNodeAndMatchesOnlyByItsName() {
    NavFixture f = NavFixture.of(PROJECT);
    PlanSources s =
        PlanSources.of(
            f.snapshot(),
            "models/mart.sql",
            "select * from {{ ref('ghost') }} as g, {{ ref(some_var) }}");
    PlanSource ghost =
        new PlanSource(
            PlanSource.Kind.REF, "ghost", null, "models/mart.sql", new Span(0, 17, 0, 29));
    assertEquals(Optional.of(ghost), s.locate("ghost"));
    assertEquals(Optional.of(ghost), s.locate("g"));
  }
}
