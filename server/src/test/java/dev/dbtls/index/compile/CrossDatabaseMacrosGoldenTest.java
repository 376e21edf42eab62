package dev.dbtls.index.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dbtls.project.Problem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * One model calling every cross-database macro dbt ships (dbt-adapters' global project
 * macros/utils), compiled on each adapter we support, with no error and no warehouse: the golden
 * file per adapter (golden/cross_database_macros/ADAPTER.sql) pins what each renders. Regenerate
 * with {@code -Ddbtls.updateGolden=true} and review the diff.
 */
class CrossDatabaseMacrosGoldenTest {
  private static final boolean UPDATE = Boolean.getBoolean("dbtls.updateGolden");

  private static final String MODEL =
      """
      select
          {{ dbt.any_value('status') }} as any_status,
          {{ dbt.bool_or('is_returned') }} as any_returned,
          {{ dbt.listagg('status', "', '", 'order by ordered_at', 3) }} as statuses,
          {{ dbt.cast_bool_to_text('is_returned') }} as returned_text,
          {{ dbt.concat(['first_name', "' '", 'last_name']) }} as full_name,
          {{ dbt.hash('customer_id') }} as customer_hash,
          {{ dbt.length('last_name') }} as name_length,
          {{ dbt.position("'@'", 'email') }} as at_sign,
          {{ dbt.replace('phone', "'-'", "''") }} as digits,
          {{ dbt.right('phone', 4) }} as last_four,
          {{ dbt.split_part('email', "'@'", 2) }} as domain,
          {{ dbt.string_literal(dbt.escape_single_quotes("O'Brien")) }} as surname,
          {{ dbt.safe_cast('amount', dbt.type_numeric()) }} as amount,
          {{ dbt.cast('amount', dbt.type_float()) }} as amount_float,
          {{ dbt.cast('id', dbt.type_int()) }} as id_int,
          {{ dbt.cast('id', dbt.type_bigint()) }} as id_bigint,
          {{ dbt.cast('code', dbt.type_string()) }} as code,
          {{ dbt.cast('ordered_at', dbt.type_timestamp()) }} as ordered_ts,
          {{ dbt.cast('flag', dbt.type_boolean()) }} as flag,
          {{ dbt.equals('status', "'open'") }} as is_open,
          {{ dbt.array_construct(['1', '2']) }} as pair,
          {{ dbt.array_construct([]) }} as nothing,
          {{ dbt.array_append('tags', "'new'") }} as more_tags,
          {{ dbt.array_concat('tags', 'other_tags') }} as all_tags,
          {{ dbt.date(2024, 2, 29) }} as leap_day,
          {{ dbt.dateadd('month', 1, 'ordered_at') }} as next_month,
          {{ dbt.datediff('ordered_at', 'shipped_at', 'day') }} as days_to_ship,
          {{ dbt.date_trunc('week', 'ordered_at') }} as order_week,
          {{ dbt.last_day('ordered_at', 'month') }} as month_end,
          {{ dbt.current_timestamp() }} as loaded_at,
          {{ dbt.current_timestamp_backcompat() }} as loaded_at_old,
          {{ dbt.current_timestamp_in_utc_backcompat() }} as loaded_at_utc_old
      from {{ ref('orders') }}
      where {{ dbt.get_intervals_between("'2024-01-01'", "'2024-03-01'", 'month') }} > 0
      {{ dbt.except() }}
      select * from {{ ref('orders') }}
      {{ dbt.intersect() }}
      select * from ({{ dbt.generate_series(3) }}) as series
      union all
      select * from ({{ dbt.date_spine('day', "'2024-01-01'", "'2024-01-31'") }}) as spine
      """;

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      duckdb     | path: shop.duckdb
      postgres   | dbname: wh; schema: analytics
      redshift   | dbname: wh; schema: analytics
      snowflake  | database: WH; schema: ANALYTICS
      bigquery   | project: proj; dataset: analytics
      databricks | catalog: main; schema: analytics
      spark      | schema: analytics
      trino      | database: hive; schema: analytics
      sqlite     | schema: main
      mysql      | schema: analytics
      """)
  void everyCrossDatabaseMacroCompilesOnEveryAdapter(String type, String fields)
      throws IOException {
    StringBuilder profile = new StringBuilder("      type: " + type + "\n");
    for (String f : fields.split(";")) {
      profile.append("      ").append(f.strip()).append('\n');
    }
    CompiledNode c = AdapterRenderingTest.compileReport(profile.toString(), MODEL);
    assertEquals(List.of(), c.problems().stream().filter(Problem::isError).toList());
    Path golden =
        TestProjects.repoRoot()
            .resolve("server/src/test/resources/golden/cross_database_macros")
            .resolve(type + ".sql");
    if (UPDATE) {
      Files.createDirectories(golden.getParent());
      Files.writeString(golden, c.sql(), StandardCharsets.UTF_8);
    }
    String expected =
        Files.exists(golden)
            ? Files.readString(golden, StandardCharsets.UTF_8)
            : "<no golden file " + golden + "; run with -Ddbtls.updateGolden=true>";
    assertEquals(expected, c.sql(), "compiled SQL on " + type + " differs from " + golden);
  }
}
