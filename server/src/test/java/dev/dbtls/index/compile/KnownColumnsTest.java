package dev.dbtls.index.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbtls.index.Node;
import dev.dbtls.project.Problem;
import dev.dbtls.project.ProblemCode;
import dev.dbtls.project.ProjectInputs;
import dev.dbtls.testing.Fixture;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code adapter.get_columns_in_relation} without a warehouse answers what the project knows: a
 * seed at the relation (its CSV header, named and typed as dbt's seed creates it on the adapter),
 * else YAML columns all documented with a {@code data_type}, else nothing (issue 13).
 */
class KnownColumnsTest {
  private static final String POSTGRES = """
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
  private static final String SNOWFLAKE = """
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
  /** A seed, a source at it (as a package's test project points its sources at its seeds), and a model that lists what it is told. */
  private static final String PROJECT = """
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
    ProjectSnapshot s = ProjectSnapshot.load(Fixture.ROOT, new ProjectInputs.Options(null, null, null,
        Map.of(), Map.of("HOME", "/x")), List.of(), Fixture.of(spec), true);
    Node n = s.manifest().nodes().values().stream().filter(x -> x.name().equals(model))
        .findFirst().orElseThrow();
    return new NodeCompiler(s).compile(n);
  }

  @Test
  void postgresSeedColumnsAreTheHeaderAsWrittenWithInferredTypes() {
    CompiledNode c = compile(PROJECT + POSTGRES, "m");
    assertFalse(c.failed(), c.problems()::toString);
    assertEquals("""
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
        0""", c.sql().strip());
    // only the source whose YAML leaves a column untyped was left unanswered
    assertEquals(1, c.problems().stream().filter(p -> p.code() == ProblemCode.INTROSPECTION_SKIPPED).count(),
        c.problems()::toString);
  }

  @Test
  void snowflakeFoldsUnquotedNamesToUpperCaseAndMatchesSchemasIgnoringCase() {
    CompiledNode c = compile(PROJECT + SNOWFLAKE, "m");
    assertFalse(c.failed(), c.problems()::toString);
    assertEquals("""
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
        0""", c.sql().strip());
  }

  @Test
  void quotedSeedColumnsKeepTheirCaseOnSnowflake() {
    CompiledNode c = compile(PROJECT.replace("      column_types:",
        "      quote_columns: true\n      column_types:") + SNOWFLAKE, "m");
    assertTrue(c.sql().strip().startsWith("Id integer True\nfirst_name text True"), c.sql());
  }

  /** On postgres a quoted schema compares exactly: a source in another case is another relation. */
  @Test
  void postgresComparesQuotedNamesExactly() {
    CompiledNode c = compile(PROJECT.replace("schema: analytics", "schema: Analytics") + POSTGRES, "m");
    assertTrue(c.sql().strip().startsWith("--"), c.sql());
    assertTrue(c.problems().stream().noneMatch(Problem::isError), c.problems()::toString);
  }
}
