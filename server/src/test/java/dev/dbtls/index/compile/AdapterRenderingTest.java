package dev.dbtls.index.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.dbtls.index.Node;
import dev.dbtls.testing.Fixture;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Each adapter the README names renders relations and type names as its dbt adapter does (dbt 1.10
 * with dbt-duckdb, -postgres, -redshift, -snowflake, -bigquery, -spark, -databricks, -trino,
 * -sqlite, -mysql): quote character and policy, include policy, and the labels of {@code
 * api.Column.translate_type} that the type macros return.
 */
class AdapterRenderingTest {
  private static String compile(String profileFields, String model) {
    return compileReport(
            profileFields.lines().map(l -> "      " + l.strip()).reduce("", (a, b) -> a + b + "\n"),
            model + "\n")
        .sql()
        .strip();
  }

  /**
   * {@code model} as models/report.sql of a project whose one target has {@code profile} (lines
   * already indented under {@code dev:}), beside a models/orders.sql; compiled, and not failed.
   */
  static CompiledNode compileReport(String profile, String model) {
    Fixture f =
        Fixture.of(
            """
        -- file: profiles.yml
        shop:
          target: dev
          outputs:
            dev:
        """
                + profile
                + """
        -- file: models/orders.sql
        select 1 as id
        -- file: models/report.sql
        """
                + model);
    ProjectSnapshot s = f.snapshot();
    Node report = s.manifest().nodes().get("model.shop.report");
    CompiledNode c = new NodeCompiler(s).compile(report);
    assertFalse(c.failed(), c.problems().toString());
    return c;
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '~',
      textBlock =
          """
      duckdb     | path: shop.duckdb                       | "shop"."main"."orders"
      postgres   | dbname: wh; schema: analytics           | "wh"."analytics"."orders"
      redshift   | dbname: wh; schema: analytics           | "wh"."analytics"."orders"
      snowflake  | database: WH; schema: ANALYTICS         | WH.ANALYTICS.orders
      bigquery   | project: proj; dataset: analytics       | `proj`.`analytics`.`orders`
      databricks | catalog: main; schema: analytics        | `main`.`analytics`.`orders`
      spark      | schema: analytics                       | analytics.orders
      trino      | database: hive; schema: analytics       | "hive"."analytics"."orders"
      sqlite     | schema: main                            | main."orders"
      mysql      | schema: analytics                       | `analytics`.`orders`
      mariadb    | schema: analytics                       | `analytics`.`orders`
      """)
  void relationsAreQuotedAndIncludedAsTheAdapterDoes(String type, String fields, String expected) {
    assertEquals(expected, compile(fields(type, fields), "{{ ref('orders') }}"));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '~',
      textBlock =
          """
      duckdb     | path: shop.duckdb                 | TEXT    | float   | integer | bigint | numeric(28,6)  | timestamp | boolean
      postgres   | dbname: wh; schema: analytics     | TEXT    | float   | integer | bigint | numeric(28,6)  | timestamp | boolean
      redshift   | dbname: wh; schema: analytics     | TEXT    | float   | integer | bigint | numeric(28,6)  | timestamp | boolean
      snowflake  | database: WH; schema: ANALYTICS   | TEXT    | float   | integer | bigint | numeric(28,6)  | timestamp | boolean
      bigquery   | project: proj; dataset: analytics | string  | FLOAT64 | INT64   | bigint | numeric        | timestamp | boolean
      databricks | catalog: main; schema: analytics  | string  | float   | integer | bigint | decimal(28,6)  | timestamp | boolean
      spark      | schema: analytics                 | string  | float   | integer | bigint | decimal(28,6)  | timestamp | boolean
      trino      | database: hive; schema: analytics | varchar | double  | integer | bigint | decimal(28, 6) | timestamp | boolean
      sqlite     | schema: main                      | TEXT    | float   | integer | bigint | numeric(28,6)  | timestamp | boolean
      mysql      | schema: analytics                 | TEXT    | float   | integer | bigint | numeric(28,6)  | DATETIME  | boolean
      mariadb    | schema: analytics                 | TEXT    | float   | integer | bigint | numeric(28,6)  | DATETIME  | boolean
      """)
  void typeMacrosGiveTheAdapterLabels(
      String type,
      String fields,
      String string,
      String flt,
      String integer,
      String bigint,
      String numeric,
      String timestamp,
      String bool) {
    String sql =
        compile(
            fields(type, fields),
            "{{ type_string() }}|{{ type_float() }}|{{ type_int() }}"
                + "|{{ type_bigint() }}|{{ type_numeric() }}|{{ type_timestamp() }}|{{ dbt.type_boolean() }}");
    assertEquals(String.join("|", string, flt, integer, bigint, numeric, timestamp, bool), sql);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '~',
      textBlock =
          """
      postgres   | dbname: wh                        | TEXT    | text   | INT     | character varying(10) | decimal(10,2)
      bigquery   | project: proj; dataset: analytics | string  | STRING | INT     | character varying(10) | decimal
      databricks | catalog: main; schema: analytics  | string  | text   | int     | character varying(10) | decimal(10,2)
      spark      | schema: analytics                 | string  | text   | INT     | character varying(10) | decimal(10,2)
      trino      | database: hive; schema: analytics | VARCHAR | text   | INT     | varchar(10)           | decimal(10,2)
      mysql      | schema: analytics                 | TEXT    | text   | INTEGER | character varying(10) | decimal(10,2)
      """)
  void columnApiIsTheAdapterColumnClass(
      String type,
      String fields,
      String string,
      String text,
      String intLabel,
      String sized,
      String decimal) {
    String sql =
        compile(
            fields(type, fields),
            "{{ api.Column.translate_type('string') }}"
                + "|{{ api.Column.translate_type('text') }}"
                + "|{{ api.Column.translate_type('INT') }}|{{ api.Column.string_type(10) }}"
                + "|{{ api.Column.numeric_type('decimal', 10, 2) }}"
                + "|{{ api.Column.create('amount', 'string').dtype }}|{{ api.Column.create('amount', 'int').quoted }}");
    String quoted = type.equals("postgres") || type.equals("trino") ? "\"amount\"" : "`amount`";
    assertEquals(String.join("|", string, text, intLabel, sized, decimal, string, quoted), sql);
  }

  private static String fields(String type, String fields) {
    StringBuilder out = new StringBuilder("type: " + type + "\n");
    for (String f : fields.split(";")) {
      out.append(f.strip()).append('\n');
    }
    return out.toString();
  }
}
