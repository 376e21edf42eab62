package dev.dbtls.ide;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class FunctionHoverTest {
  private static Optional<HoverInfo> hover(String files) {
    NavFixture f = NavFixture.of(NavFixture.PROJECT + files);
    return Hover.find(f.snapshot(), f.file(), f.text(), f.offset());
  }

  @Test
  void aFunctionCallInSqlTextShowsItsSignature() {
    HoverInfo h =
        hover(
                """
        -- file: models/x.sql
        select date_tr$0unc('day', ordered_at) from {{ ref('customers') }}
        """)
            .orElseThrow();
    assertEquals(
        "**function** `date_trunc(part, timestamp)` · DuckDB\n\n"
            + "Truncates a date or timestamp to the given precision (year, quarter, month, week, day, hour, ...).",
        h.markdown());
    assertEquals(7, h.start());
    assertEquals(17, h.end());
  }

  @Test
  void anyCaseSpacesBeforeTheParenthesisAndTheDialectOfTheTarget() {
    assertEquals(
        "**function** `coalesce(expr, ...)` · SQL\n\nThe first argument that is not null.",
        hover("-- file: models/x.sql\nselect COALESCE$0  (a, b) from t\n")
            .orElseThrow()
            .markdown());
    HoverInfo bq =
        hover(
                """
        -- file: profiles.yml
        shop:
          target: dev
          outputs:
            dev:
              type: bigquery
        -- file: models/x.sql
        select $0date_trunc(d, month) from t
        """)
            .orElseThrow();
    assertEquals(
        "**function** `date_trunc(date, part)` · BigQuery\n\n"
            + "Truncates a date to the given part (day, week, month, quarter, year, ...).",
        bq.markdown());
  }

  @Test
  void nothingInJinjaOnOtherWordsOrWithoutACall() {
    // in Jinja, a dbt macro's hover answers; FunctionHover itself gives nothing there
    assertEquals(
        Optional.empty(),
        hover(
                """
        -- file: models/x.sql
        select {{ date_tr$0unc('day', 'x') }} from t
        """)
            .filter(h -> h.markdown().startsWith("**function**")));
    NavFixture f =
        NavFixture.of(NavFixture.PROJECT + "-- file: models/x.sql\nselect {{ coal$0esce(x) }}\n");
    assertEquals(
        Optional.empty(),
        FunctionHover.at(Symbol.Context.of(f.snapshot(), f.file(), f.text()), f.offset()));
    assertEquals(Optional.empty(), hover("-- file: models/x.sql\nselect na$0me(x) from t\n"));
    assertEquals(Optional.empty(), hover("-- file: models/x.sql\nselect date_tr$0unc from t\n"));
    assertEquals(
        Optional.empty(), hover("-- file: models/x.sql\nselect s.date_tr$0unc(x) from t\n"));
    assertEquals(Optional.empty(), hover("-- file: models/x.sql\nselect ( $0 ) from t\n"));
    assertEquals(Optional.empty(), hover("-- file: models/x.sql\nselect coalesce$0"));
  }

  @Test
  void aColumnStillHoversWhenNoFunctionIsThere() {
    assertEquals(
        "**column** `id` `integer` · model `customers` (`shop.main.customers`)\n\nThe key.",
        hover("-- file: models/x.sql\nselect i$0d from {{ ref('customers') }}\n")
            .orElseThrow()
            .markdown());
  }
}
