package dev.dbtls.index.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbtls.index.Node;
import dev.dbtls.project.Problem;
import dev.dbtls.project.ProblemCode;
import dev.dbtls.testing.Fixture;
import org.junit.jupiter.api.Test;

/**
 * {@code adapter.get_columns_in_relation} without a warehouse answers what the project knows: a
 * seed at the relation (its CSV header, named and typed as dbt's seed creates it on the adapter),
 * else YAML columns all documented with a {@code data_type}, else nothing (issue 13).
 */
class KnownColumnsTest {
  private static final String POSTGRES =
      """
      -- file: profiles.yml
      shop:
        target: dev
        outputs:
          dev:
            type: postgres
            host: localhost
            user: u
            dbname: db
            schema: analytics
      """;
  private static final String SNOWFLAKE =
      """
      -- file: profiles.yml
      shop:
        target: dev
        outputs:
          dev:
            type: snowflake
            account: acme
            user: u
            database: DB
            schema: ANALYTICS
      """;

  /**
   * A seed, a source at it (as a package's test project points its sources at its seeds), and a
   * model that lists what it is told.
   */
  private static final String PROJECT =
      """
      -- file: seeds/raw_customers.csv
      Id,first_name,signup_date,updated_at,score,active,note
      1,Ann,2024-01-02,2024-01-02 10:00:00,1.5,true,
      2,"Bo, Jr.",2024-02-03,2024-02-03T11:30:00,2,false,null
      -- file: seeds/properties.yml
      seeds:
        - name: raw_customers
          config:
            column_types:
              note: varchar(40)
      -- file: models/sources.yml
      sources:
        - name: raw
          schema: analytics
          tables:
            - name: customers
              identifier: raw_customers
            - name: events
              columns:
                - name: event_id
                  data_type: bigint
                - name: payload
                  data_type: json
            - name: sessions
              columns:
                - name: session_id
                  data_type: bigint
                - name: user_agent
      -- file: models/m.sql
      {%- for c in adapter.get_columns_in_relation(source('raw', 'customers')) %}
      {{ c.name }} {{ c.data_type }} {{ c.column == c.name and c.dtype == c.data_type }}
      {%- endfor %}
      --
      {%- for c in adapter.get_columns_in_relation(source('raw', 'events')) %}
      {{ c.name }} {{ c.data_type }}
      {%- endfor %}
      --
      {{ adapter.get_columns_in_relation(source('raw', 'sessions')) | length }}
      """;

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
  void postgresSeedColumnsAreTheHeaderAsWrittenWithInferredTypes() {
    CompiledNode c = compile(PROJECT + POSTGRES, "m");
    assertFalse(c.failed(), c.problems()::toString);
    assertEquals(
        """
        Id integer True
        first_name text True
        signup_date date True
        updated_at timestamp without time zone True
        score numeric True
        active boolean True
        note varchar(40) True
        --
        event_id bigint
        payload json
        --
        0""",
        c.sql().strip());
    // only the source whose YAML leaves a column untyped was left unanswered
    assertEquals(
        1,
        c.problems().stream().filter(p -> p.code() == ProblemCode.INTROSPECTION_SKIPPED).count(),
        c.problems()::toString);
  }

  @Test
  void snowflakeFoldsUnquotedNamesToUpperCaseAndMatchesSchemasIgnoringCase() {
    CompiledNode c = compile(PROJECT + SNOWFLAKE, "m");
    assertFalse(c.failed(), c.problems()::toString);
    assertEquals(
        """
        ID integer True
        FIRST_NAME text True
        SIGNUP_DATE date True
        UPDATED_AT timestamp without time zone True
        SCORE float8 True
        ACTIVE boolean True
        NOTE varchar(40) True
        --
        EVENT_ID bigint
        PAYLOAD json
        --
        0""",
        c.sql().strip());
  }

  @Test
  void quotedSeedColumnsKeepTheirCaseOnSnowflake() {
    CompiledNode c =
        compile(
            PROJECT.replace("      column_types:", "      quote_columns: true\n      column_types:")
                + SNOWFLAKE,
            "m");
    assertTrue(c.sql().strip().startsWith("Id integer True\nfirst_name text True"), c.sql());
  }

  /**
   * A Fivetran package's staging model asks for the columns of its {@code _tmp} model, which only
   * selects everything from the source: that model has the source's columns.
   */
  @Test
  void aModelThatSelectsStarFromARelationHasItsColumns() {
    CompiledNode c =
        compile(
            PROJECT
                + POSTGRES
                + """
        -- file: models/customers_tmp.sql
        -- every raw column, whatever the connector synced
        select *
        from {{ source('raw', 'customers') }} as source_table
        -- file: models/stg_customers.sql
        select
        {%- for c in adapter.get_columns_in_relation(ref('customers_tmp')) %}
            {{ c.name | lower }}{{ ',' if not loop.last }}
        {%- endfor %}
        from {{ ref('customers_tmp') }}
        -- file: models/filtered.sql
        select * from {{ source('raw', 'customers') }} where active
        -- file: models/stg_filtered.sql
        {{ adapter.get_columns_in_relation(ref('filtered')) | length }}
        """,
            "stg_customers");
    assertFalse(c.failed(), c.problems()::toString);
    assertEquals(
        """
        select
            id,
            first_name,
            signup_date,
            updated_at,
            score,
            active,
            note
        from "db"."analytics"."customers_tmp\"""",
        c.sql().strip());
    assertTrue(c.problems().stream().noneMatch(p -> p.code() == ProblemCode.INTROSPECTION_SKIPPED));
    CompiledNode other =
        compile(
            PROJECT
                + POSTGRES
                + """
        -- file: models/filtered.sql
        select * from {{ source('raw', 'customers') }} where active
        -- file: models/stg_filtered.sql
        {{ adapter.get_columns_in_relation(ref('filtered')) | length }}
        """,
            "stg_filtered");
    assertEquals("0", other.sql().strip(), "a model that filters is no longer just its source");
  }

  /**
   * The Column objects answer the type tests dbt_utils' star, union_relations and nullcheck ask.
   */
  @Test
  void columnsAnswerTheirTypeTestsAndQuoting() {
    CompiledNode c =
        compile(
            PROJECT
                + POSTGRES
                + """
        -- file: models/kinds.sql
        {%- for c in adapter.get_columns_in_relation(source('raw', 'customers')) %}
        {{ c.quoted }} {{ c.is_string() }} {{ c.is_number() }} {{ c.is_integer() }} {{ c.is_numeric() }}
        {%- endfor %}
        {{ adapter.get_columns_in_relation(source('raw', 'customers')) | map(attribute='name') | join(',') }}
        """,
            "kinds");
    assertFalse(c.failed(), c.problems()::toString);
    assertEquals(
        """
        "Id" False True True False
        "first_name" True False False False
        "signup_date" False False False False
        "updated_at" False False False False
        "score" False True False True
        "active" False False False False
        "note" True False False False
        Id,first_name,signup_date,updated_at,score,active,note""",
        c.sql().strip());
  }

  /** On postgres a quoted schema compares exactly: a source in another case is another relation. */
  @Test
  void postgresComparesQuotedNamesExactly() {
    CompiledNode c =
        compile(PROJECT.replace("schema: analytics", "schema: Analytics") + POSTGRES, "m");
    assertTrue(c.sql().strip().startsWith("--"), c.sql());
    assertTrue(c.problems().stream().noneMatch(Problem::isError), c.problems()::toString);
  }
}
