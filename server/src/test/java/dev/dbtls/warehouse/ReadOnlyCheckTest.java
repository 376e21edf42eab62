package dev.dbtls.warehouse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.dbtls.warehouse.ReadOnlyCheck.Kind;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReadOnlyCheckTest {
  private static Kind kind(String sql, String adapter) {
    return ReadOnlyCheck.check(sql, adapter).kind();
  }

  @Test
  void queriesRun() {
    assertEquals(Kind.QUERY, kind("select 1", "postgres"));
    assertEquals(Kind.QUERY, kind("with a as (select 1 x) select * from a", "postgres"));
    assertEquals(Kind.QUERY, kind("(select 1) union all (select 2)", "duckdb"));
    assertEquals(Kind.QUERY, kind("values (1, 'a'), (2, 'b')", "postgres"));
    assertEquals(Kind.QUERY, kind("-- leading comment\nselect 1;  -- trailing\n", "duckdb"));
    // DuckDB syntax the parser does not know still starts like a query: it runs wrapped
    assertEquals(Kind.QUERY, kind("from orders select * exclude (id)", "duckdb"));
    assertEquals(Kind.QUERY, kind("select * exclude (id) from orders", "duckdb"));
  }

  @Test
  void commandsRunAsWritten() {
    assertEquals(Kind.COMMAND, kind("show tables", "mysql"));
    assertEquals(Kind.COMMAND, kind("describe orders", "duckdb"));
    assertEquals(Kind.COMMAND, kind("explain select * from orders", "postgres"));
  }

  @Test
  void writesAreRefused() {
    assertEquals(Kind.WRITE, kind("insert into t values (1)", "postgres"));
    assertEquals(Kind.WRITE, kind("update t set a = 1", "postgres"));
    assertEquals(Kind.WRITE, kind("delete from t", "mysql"));
    assertEquals(Kind.WRITE, kind("create table t as select 1", "duckdb"));
    assertEquals(Kind.WRITE, kind("drop table t", "sqlite"));
    assertEquals(Kind.WRITE, kind("select * into new_t from t", "postgres"));
    assertEquals(
        Kind.WRITE, kind("with d as (delete from t returning *) select * from d", "postgres"));
    assertEquals(Kind.WRITE, kind("explain analyze delete from t", "postgres"));
    assertEquals(Kind.WRITE, kind("pragma journal_mode = delete", "sqlite"));
    assertEquals(Kind.WRITE, kind("copy t to '/tmp/x.csv'", "duckdb"));
    assertEquals(Kind.WRITE, kind("attach 'x.db' as x", "duckdb"));
    assertEquals(
        "insert statement", ReadOnlyCheck.check("insert into t values (1)", "postgres").what());
  }

  @Test
  void redshiftAndTrinoWritesAreRefused() {
    for (String sql :
        List.of(
            "unload ('select * from t') to 's3://bucket/x' iam_role default",
            "copy t from 's3://bucket/x' iam_role default",
            "vacuum t")) {
      assertNotEquals(Kind.QUERY, kind(sql, "redshift"), sql);
      assertNotEquals(Kind.COMMAND, kind(sql, "redshift"), sql);
    }
    for (String sql :
        List.of(
            "call system.runtime.kill_query(query_id => 'x')",
            "alter table t execute optimize",
            "insert into t select * from u",
            "select * from table(system.query(query => 'delete from t'))")) {
      Kind k = kind(sql, "trino");
      assertNotEquals(Kind.QUERY, k, sql);
      assertNotEquals(Kind.COMMAND, k, sql);
    }
    assertEquals(
        Kind.QUERY,
        kind(
            "select * from table(exclude_columns(input => table(t),"
                + " columns => descriptor(a)))",
            "trino"));
  }

  @Test
  void snowflakesWritesSystemFunctionsAndStagesAreRefused() {
    for (String sql :
        List.of(
            "copy into t from @my_stage",
            "put file:///tmp/x.csv @my_stage",
            "get @my_stage file:///tmp/",
            "call my_proc()",
            "execute immediate 'drop table t'",
            "select system$cancel_all_queries(42)",
            "select * from @my_stage/data.csv",
            "select $1 from @my_stage (file_format => 'csv')")) {
      Kind k = kind(sql, "snowflake");
      assertNotEquals(Kind.QUERY, k, sql);
      assertNotEquals(Kind.COMMAND, k, sql);
    }
    assertEquals(Kind.QUERY, kind("select system$clustering_information('t', '(a)')", "snowflake"));
    assertEquals(Kind.QUERY, kind("select a from t where a like '@x'", "snowflake"));
  }

  @Test
  void databricksWritesFilesAndOutsideCallsAreRefused() {
    for (String sql :
        List.of(
            "copy into t from 's3://bucket/x' fileformat = parquet",
            "optimize t zorder by (a)",
            "vacuum t retain 168 hours",
            "select * from parquet.`/mnt/raw/orders`",
            "select * from delta.`s3://bucket/table`",
            "select * from read_files('s3://bucket/x', format => 'csv')",
            "select http_request(conn => 'c', method => 'GET', path => '/')",
            "select reflect('java.lang.System', 'exit', 0)")) {
      Kind k = kind(sql, "databricks");
      assertNotEquals(Kind.QUERY, k, sql);
      assertNotEquals(Kind.COMMAND, k, sql);
    }
    assertEquals(Kind.QUERY, kind("select a, `b c` from main.shop.orders", "databricks"));
  }

  @Test
  void oneStatementOnly() {
    assertEquals(Kind.MULTIPLE, kind("select 1; select 2", "postgres"));
    assertEquals(Kind.MULTIPLE, kind("select 1; drop table t;", "duckdb"));
    assertEquals(Kind.QUERY, kind("select ';' as semicolon;;", "duckdb"));
    assertEquals(Kind.EMPTY, kind("  -- nothing\n ;", "duckdb"));
    assertEquals(Kind.EMPTY, kind(null, "duckdb"));
  }

  @Test
  void bodyDropsTrailingSemicolonsAndComments() {
    assertEquals("select 1", ReadOnlyCheck.check("select 1; -- done", "postgres").sql());
  }

  @Test
  void rowLimitPerDialect() {
    assertEquals(
        "select * from (\nselect 1 -- c\n) as p limit 11",
        RowLimit.wrap("postgres", "select 1 -- c", 11, "p"));
    assertEquals(
        "select top (5) * from (\nselect 1\n) as p",
        RowLimit.wrap("sqlserver", "select 1", 5, "p"));
    assertEquals(
        "select * from (\nselect 1 from dual\n) p fetch first 5 rows only",
        RowLimit.wrap("oracle", "select 1 from dual", 5, "p"));
    assertEquals("select * from (\nselect 1\n) as p", RowLimit.wrap("duckdb", "select 1", 0, "p"));
  }
}
