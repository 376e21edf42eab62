package dev.dbtls.index.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Where dbt Core puts ephemeral CTEs, byte for byte. Each expected text is what dbt-core's {@code
 * inject_ctes_into_sql} (over sqlparse) gives for the input, taken from a run of it; public
 * projects' committed target/compiled files show the same shapes ({@code "with __dbt__cte__x as
 * (\n...\n), own as ("} after a WITH, {@code "with __dbt__cte__x as (\n...\n) select"} without).
 */
class EphemeralCtesTest {
  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of(
            "noWith",
            "select 1",
            List.of(EphemeralCtes.cte("a", "select 2")),
            "with __dbt__cte__a as (\nselect 2\n) select 1"),
        Arguments.of(
            "leadingBlankLines",
            "\n\nselect *\nfrom __dbt__cte__a\n",
            List.of(EphemeralCtes.cte("a", "select 2")),
            "\n\nwith __dbt__cte__a as (\nselect 2\n) select *\nfrom __dbt__cte__a\n"),
        Arguments.of(
            "leadingLineComment",
            "-- orders by day\nselect 1\n",
            List.of(EphemeralCtes.cte("a", "select 2")),
            "with __dbt__cte__a as (\nselect 2\n) -- orders by day\nselect 1\n"),
        Arguments.of(
            "blockCommentThenWith",
            "/* header */\n\nwith x as (select 1)\nselect * from x",
            List.of(EphemeralCtes.cte("a", "select 2")),
            "/* header */\n\nwith  __dbt__cte__a as (\nselect 2\n), x as (select 1)\nselect * from x"),
        Arguments.of(
            "upperCaseWithOnItsOwnLine",
            "WITH\n    x AS (SELECT 1)\nSELECT * FROM x",
            List.of(EphemeralCtes.cte("a", "select 2")),
            "WITH\n     __dbt__cte__a as (\nselect 2\n), x AS (SELECT 1)\nSELECT * FROM x"),
        Arguments.of(
            "withRecursive",
            "with recursive t(n) as (select 1 union all select n + 1 from t where n < 3) select * from t",
            List.of(EphemeralCtes.cte("a", "select 2")),
            "with recursive  __dbt__cte__a as (\nselect 2\n), t(n) as (select 1 union all select n + 1 from t where n < 3) select * from t"),
        Arguments.of(
            "commentBetweenWithAndRecursive",
            "with /* why */ recursive t as (select 1) select * from t",
            List.of(EphemeralCtes.cte("a", "select 2")),
            "with  __dbt__cte__a as (\nselect 2\n), /* why */ recursive t as (select 1) select * from t"),
        Arguments.of(
            "twoCtesBeforeOwnCte",
            "with x as (select 1) select * from x",
            List.of(EphemeralCtes.cte("a", "select 2"), EphemeralCtes.cte("b", "select 3")),
            "with  __dbt__cte__a as (\nselect 2\n),  __dbt__cte__b as (\nselect 3\n), x as (select 1) select * from x"),
        Arguments.of(
            "secondStatementDropped",
            "select 1;\nselect 2;\n",
            List.of(EphemeralCtes.cte("a", "select 2")),
            "with __dbt__cte__a as (\nselect 2\n) select 1;"),
        Arguments.of(
            "lineCommentAfterSemicolonKept",
            "select 1;  -- done\n\nselect 2",
            List.of(EphemeralCtes.cte("a", "select 2")),
            "with __dbt__cte__a as (\nselect 2\n) select 1;  -- done\n"),
        Arguments.of(
            "withOnlyInSubquery",
            "select * from (with y as (select 1) select * from y) s",
            List.of(EphemeralCtes.cte("a", "select 2")),
            "with __dbt__cte__a as (\nselect 2\n) select * from (with y as (select 1) select * from y) s"),
        Arguments.of(
            "withInStringAndComment",
            "select 'with x' as w -- with\nfrom t",
            List.of(EphemeralCtes.cte("a", "select 2")),
            "with __dbt__cte__a as (\nselect 2\n) select 'with x' as w -- with\nfrom t"),
        Arguments.of(
            "withAsPartOfNames",
            "select with_x, t.with from t",
            List.of(EphemeralCtes.cte("a", "select 2")),
            "with __dbt__cte__a as (\nselect 2\n) select with_x, t.with from t"),
        Arguments.of(
            "caseEndAndSemicolonInString",
            "select case when a then 1 end as c, ';' as s from t; select 2",
            List.of(EphemeralCtes.cte("a", "select 2")),
            "with __dbt__cte__a as (\nselect 2\n) select case when a then 1 end as c, ';' as s from t; "),
        Arguments.of(
            "dollarQuotedSemicolon",
            "select $$;$$ as s from t",
            List.of(EphemeralCtes.cte("a", "select 2")),
            "with __dbt__cte__a as (\nselect 2\n) select $$;$$ as s from t"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void injectsAsDbtCoreDoes(String name, String sql, List<String> ctes, String expected) {
    assertEquals(expected, EphemeralCtes.inject(sql, ctes));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void nothingToInjectLeavesTheSqlAlone(String name, String sql, List<String> ctes, String x) {
    assertEquals(sql, EphemeralCtes.inject(sql, List.of()));
  }
}
