package dev.dbtls.columns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbtls.sql.SqlDialect;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Inference on compiled SQL against parents given by hand: {@code orders(order_id int, customer_id
 * int, amount decimal, status varchar)}, {@code customers(customer_id int, name varchar)}, {@code
 * events}, whose columns are unknown, and {@code telemetry(verify varchar, number integer,
 * timestamp timestamp_ntz, day date, payload variant)}, whose names JSqlParser takes for keywords.
 * Columns are shown as {@code name:type <- parent.column KIND}.
 */
class ColumnInferenceTest {
  private static final Map<String, RelationColumns> PARENTS =
      Map.of(
          "orders",
              RelationColumns.complete(
                  List.of(
                      col("order_id", "integer"),
                      col("customer_id", "integer"),
                      col("amount", "decimal(10,2)"),
                      col("status", "varchar"))),
          "customers",
              RelationColumns.complete(
                  List.of(col("customer_id", "integer"), col("name", "varchar"))),
          "events", RelationColumns.UNKNOWN,
          "telemetry",
              RelationColumns.complete(
                  List.of(
                      col("verify", "varchar"),
                      col("number", "integer"),
                      col("timestamp", "timestamp_ntz"),
                      col("day", "date"),
                      col("payload", "variant"))));

  private static InferredColumn col(String name, String type) {
    return new InferredColumn(
        name,
        type,
        Origin.of(Origin.Kind.CATALOG, "x"),
        Origin.of(Origin.Kind.CATALOG, "x"),
        List.of());
  }

  private static final ParentRelations RELATIONS =
      parts -> {
        String last = parts.get(parts.size() - 1).toLowerCase();
        RelationColumns c = PARENTS.get(last);
        return c == null
            ? Optional.empty()
            : Optional.of(new ParentRelations.Parent("model." + last, c));
      };

  private static QueryColumns infer(String adapter, String sql) {
    return ColumnInference.infer(sql, SqlDialect.of(adapter).orElseThrow(), RELATIONS);
  }

  private static String show(QueryColumns q) {
    List<String> lines = new ArrayList<>();
    for (InferredColumn c : q.output().columns()) {
      lines.add(
          c.name()
              + ":"
              + c.type()
              + " <- "
              + c.upstream().stream()
                  .map(u -> u.relation() + "." + u.column() + " " + u.kind())
                  .collect(Collectors.joining(", ")));
    }
    if (!q.output().complete()) {
      lines.add("... " + String.join("; ", q.output().gaps()));
    }
    return String.join("\n", lines);
  }

  @Test
  void starThroughCtesKeepsParentColumnsTypesAndEdges() {
    QueryColumns q =
        infer(
            "duckdb",
            """
        with o as (select * from "db"."main"."orders"),
        renamed as (select order_id as id, amount, cast(status as varchar(3)) as st from o)
        select * from renamed
        """);
    assertEquals(
        """
        id:integer <- model.orders.order_id RENAMED
        amount:decimal(10,2) <- model.orders.amount PASSED_THROUGH
        st:varchar(3) <- model.orders.status COMPUTED""",
        show(q));
    assertTrue(q.output().complete());
  }

  @Test
  void joinsWithAliasesResolveQualifiedStarsAndFilterEdges() {
    QueryColumns q =
        infer(
            "postgres",
            """
        select o.order_id, c.*, o.amount * 2 as double_amount
        from "db"."public"."orders" as o
        left join "db"."public"."customers" c on o.customer_id = c.customer_id
        where o.status = 'paid'
        """);
    assertEquals(
        """
        order_id:integer <- model.orders.order_id PASSED_THROUGH
        customer_id:integer <- model.customers.customer_id PASSED_THROUGH
        name:varchar <- model.customers.name PASSED_THROUGH
        double_amount:null <- model.orders.amount COMPUTED""",
        show(q));
    assertEquals(
        List.of("model.orders.customer_id", "model.customers.customer_id", "model.orders.status"),
        q.filters().stream().map(u -> u.relation() + "." + u.column()).toList());
    assertTrue(q.filters().stream().allMatch(u -> u.kind() == EdgeKind.FILTER_JOIN));
  }

  @Test
  void usingJoinMergesTheSharedColumnInStar() {
    QueryColumns q = infer("duckdb", "select * from orders join customers using (customer_id)");
    assertEquals(
        List.of("order_id", "customer_id", "amount", "status", "name"), q.output().names());
  }

  @Test
  void unionTakesNamesFromTheFirstBranchAndEdgesFromAll() {
    QueryColumns q =
        infer(
            "duckdb",
            """
        select order_id as id, 'order' as kind from orders
        union all
        select customer_id, 'customer' from customers
        """);
    assertEquals(
        """
        id:integer <- model.orders.order_id RENAMED, model.customers.customer_id RENAMED
        kind:varchar <-\s""",
        show(q));
  }

  @Test
  void windowAndAggregateFunctions() {
    QueryColumns q =
        infer(
            "duckdb",
            """
        select customer_id,
          row_number() over (partition by customer_id order by amount) as rn,
          sum(amount) over (partition by customer_id) as running,
          count(*) as n, max(amount) as biggest
        from orders group by customer_id, amount
        """);
    assertEquals(
        """
        customer_id:integer <- model.orders.customer_id PASSED_THROUGH
        rn:bigint <- model.orders.customer_id COMPUTED, model.orders.amount COMPUTED
        running:null <- model.orders.amount AGGREGATED, model.orders.customer_id COMPUTED
        n:bigint <-\s
        biggest:null <- model.orders.amount AGGREGATED""",
        show(q));
  }

  @Test
  void duckdbStarExcludeAndReplace() {
    QueryColumns q =
        infer("duckdb", "select * exclude (status) replace (amount / 100 as amount) from orders");
    assertEquals(
        """
        order_id:integer <- model.orders.order_id PASSED_THROUGH
        customer_id:integer <- model.orders.customer_id PASSED_THROUGH
        amount:null <- model.orders.amount COMPUTED""",
        show(q));
  }

  @Test
  void bigqueryStarExcept() {
    QueryColumns q = infer("bigquery", "select * except (status, amount) from `p`.`d`.`orders`");
    assertEquals(List.of("order_id", "customer_id"), q.output().names());
    assertTrue(q.output().complete());
  }

  @Test
  void starOverAParentWithUnknownColumnsIsOpenAndNamedColumnsPointAtIt() {
    QueryColumns q =
        infer(
            "duckdb",
            """
        with e as (select * from events)
        select e.*, e.user_id as uid from e
        """);
    assertEquals(
        """
        uid:null <- model.events.user_id RENAMED
        ... model.events: nothing is known of its columns""",
        show(q));
    assertFalse(q.output().complete());
  }

  @Test
  void relationThatIsNoNodeAndUnnamedExpressionsAreGaps() {
    QueryColumns q = infer("postgres", "select a, b + 1 from raw.some_table");
    assertEquals(
        """
        a:null <- raw.some_table.a PASSED_THROUGH
        ... an expression without a name (alias it with `as`)""",
        show(q));
  }

  @Test
  void subqueriesInFromAndScalarSubqueries() {
    QueryColumns q =
        infer(
            "postgres",
            """
        select s.total, (select max(name) from customers c where c.customer_id = s.customer_id) as nm
        from (select customer_id, sum(amount) as total from orders group by customer_id) s
        """);
    assertEquals(
        """
        total:null <- model.orders.amount AGGREGATED
        nm:null <- model.customers.name AGGREGATED""",
        show(q));
  }

  @Test
  void eachColumnSaysWhereInTheSqlItIsProduced() {
    String sql = "select order_id, amount * 2 as doubled from orders";
    QueryColumns q = infer("duckdb", sql);
    Origin o = q.output().column("doubled").orElseThrow().nameOrigin();
    assertEquals("amount * 2 as doubled", sql.substring(o.start(), o.end()));
    // a column passed by name keeps its parent as the origin of its type
    assertEquals(
        Origin.Kind.CATALOG, q.output().column("order_id").orElseThrow().typeOrigin().kind());
  }

  @Test
  void aCteNamedFinalAsJaffleShopWritesItIsRead() {
    QueryColumns q =
        infer(
            "duckdb",
            """
        with final as (select order_id, status as final from orders)
        select final.order_id, final.final from final
        """);
    assertEquals(
        """
        order_id:integer <- model.orders.order_id PASSED_THROUGH
        final:varchar <- model.orders.status RENAMED""",
        show(q));
  }

  @Test
  void snowflakeNamesJsqlparserTakesForKeywordsAreColumns() {
    QueryColumns q =
        infer(
            "snowflake",
            """
        select verify, number, timestamp as timestamp, day, t.number as n
        from telemetry as t
        where verify = 'x' and number > 0
        """);
    assertEquals(
        """
        verify:varchar <- model.telemetry.verify PASSED_THROUGH
        number:integer <- model.telemetry.number PASSED_THROUGH
        timestamp:timestamp_ntz <- model.telemetry.timestamp PASSED_THROUGH
        day:date <- model.telemetry.day PASSED_THROUGH
        n:integer <- model.telemetry.number RENAMED""",
        show(q));
    assertEquals(List.of("verify", "number"), q.filters().stream().map(Upstream::column).toList());
  }

  @Test
  void snowflakeTypeAndDatePartWordsStayTypesAndDateParts() {
    QueryColumns q =
        infer(
            "snowflake",
            """
        select cast(number as number(38, 0)) as n, verify::number as v, number::double precision as d,
          dateadd(day, 1, timestamp) as next_ts, try_cast(verify as int) as i
        from telemetry
        """);
    assertEquals(
        """
        n:number(38, 0) <- model.telemetry.number COMPUTED
        v:number <- model.telemetry.verify COMPUTED
        d:double precision <- model.telemetry.number COMPUTED
        next_ts:null <- model.telemetry.timestamp COMPUTED
        i:int <- model.telemetry.verify COMPUTED""",
        show(q));
  }

  @Test
  void snowflakeSemiStructuredCastsPathsQualifyAndFlatten() {
    QueryColumns q =
        infer(
            "snowflake",
            """
        select parse_json(coalesce(verify, '[]'))::array as skus,
          cast(payload as array(int)) as ids,
          payload:user.id::string as user_id,
          f.value:name::varchar as item
        from telemetry as t, lateral flatten(input => t.payload:items) as f
        qualify row_number() over (partition by t.number order by t.timestamp desc) = 1
        """);
    assertEquals(
        """
        skus:array <- model.telemetry.verify COMPUTED
        ids:array(int) <- model.telemetry.payload COMPUTED
        user_id:string <- model.telemetry.payload COMPUTED
        item:varchar <- model.telemetry.payload COMPUTED""",
        show(q));
    assertTrue(q.parsed());
  }

  @Test
  void snowflakeFlattenHasItsFixedColumnsComputedFromItsInput() {
    QueryColumns q =
        infer(
            "snowflake",
            """
        select t.number, f.*
        from telemetry t, table(flatten(input => parse_json(t.verify), outer => true)) f
        """);
    assertEquals(
        """
        number:integer <- model.telemetry.number PASSED_THROUGH
        seq:number <- model.telemetry.verify COMPUTED
        key:varchar <- model.telemetry.verify COMPUTED
        path:varchar <- model.telemetry.verify COMPUTED
        index:number <- model.telemetry.verify COMPUTED
        value:variant <- model.telemetry.verify COMPUTED
        this:variant <- model.telemetry.verify COMPUTED""",
        show(q));
    assertTrue(q.output().complete());
  }

  @Test
  void blankLinesJinjaLeavesAndTrailingCommasAreRead() {
    QueryColumns q =
        infer(
            "snowflake",
            "with renamed as (\n\n\n    select\n\n\n        verify,\n"
                + "        number,\n\n\n    from telemetry\n\n\n)\n\n\nselect * from renamed\n");
    assertEquals(
        """
        verify:varchar <- model.telemetry.verify PASSED_THROUGH
        number:integer <- model.telemetry.number PASSED_THROUGH""",
        show(q));
    // PostgreSQL has no trailing commas: not rewritten, so not read
    assertFalse(infer("postgres", "select order_id, from orders").parsed());
    assertTrue(infer("duckdb", "select order_id, from orders").parsed());
  }

  @Test
  void aSelectWithoutColumnsSaysAMacroFoundNoneInTheWarehouse() {
    QueryColumns q =
        infer(
            "snowflake",
            "(\n  select\n\n  from analytics.raw.tracks\n)\nunion all\n(select from x)");
    assertFalse(q.parsed());
    assertTrue(
        q.output().gaps().get(0).contains("reads a relation's columns from the warehouse"),
        q.output().gaps().toString());
  }

  @Test
  void snowflakeStarExcludeWithoutBrackets() {
    QueryColumns q = infer("snowflake", "select * exclude status from orders");
    assertEquals(
        """
        order_id:integer <- model.orders.order_id PASSED_THROUGH
        customer_id:integer <- model.orders.customer_id PASSED_THROUGH
        amount:decimal(10,2) <- model.orders.amount PASSED_THROUGH""",
        show(q));
    assertTrue(q.output().complete());
    assertEquals(
        List.of("order_id", "customer_id", "amount"),
        infer("duckdb", "select * exclude \"status\" from orders").output().names());
  }

  @Test
  void snowflakeStarRenameOneOrSeveral() {
    assertEquals(
        """
        order_id:integer <- model.orders.order_id PASSED_THROUGH
        customer_id:integer <- model.orders.customer_id PASSED_THROUGH
        total:decimal(10,2) <- model.orders.amount RENAMED
        status:varchar <- model.orders.status PASSED_THROUGH""",
        show(infer("snowflake", "select * rename amount as total from orders")));
    QueryColumns q =
        infer("snowflake", "select * rename (order_id as id, STATUS as state) from orders");
    assertEquals(
        """
        id:integer <- model.orders.order_id RENAMED
        customer_id:integer <- model.orders.customer_id PASSED_THROUGH
        amount:decimal(10,2) <- model.orders.amount PASSED_THROUGH
        state:varchar <- model.orders.status RENAMED""",
        show(q));
    assertTrue(q.output().complete());
    // DuckDB has it too
    assertEquals(
        List.of("order_id", "customer_id", "total", "status"),
        infer("duckdb", "select * rename (amount as total) from orders").output().names());
  }

  @Test
  void snowflakeStarClausesCombine() {
    String expected =
        """
        order_id:integer <- model.orders.order_id PASSED_THROUGH
        customer_id:integer <- model.orders.customer_id PASSED_THROUGH
        total:decimal(10,2) <- model.orders.amount RENAMED""";
    assertEquals(
        expected,
        show(infer("snowflake", "select * exclude (status) rename (amount as total) from orders")));
    assertEquals(
        expected,
        show(infer("snowflake", "select * exclude status rename amount as total from orders")));
    assertEquals(
        expected,
        show(
            infer(
                "snowflake",
                """
        select *
            exclude status  -- not needed
            rename (
                amount as total
            )
        from orders""")));
    // replaced, then renamed: computed from the parent's column
    assertEquals(
        """
        order_id:integer <- model.orders.order_id PASSED_THROUGH
        dollars:null <- model.orders.amount COMPUTED""",
        show(
            infer(
                "snowflake",
                "select * exclude (customer_id, status) replace (amount / 100 as amount)"
                    + " rename (amount as dollars) from orders")));
  }

  @Test
  void qualifiedStarClauses() {
    QueryColumns q =
        infer(
            "snowflake",
            """
        select src.* exclude customer_id rename (order_id as id), c.*
        from orders src join customers c on src.customer_id = c.customer_id""");
    assertEquals(
        """
        id:integer <- model.orders.order_id RENAMED
        amount:decimal(10,2) <- model.orders.amount PASSED_THROUGH
        status:varchar <- model.orders.status PASSED_THROUGH
        customer_id:integer <- model.customers.customer_id PASSED_THROUGH
        name:varchar <- model.customers.name PASSED_THROUGH""",
        show(q));
    assertTrue(q.output().complete());
  }

  @Test
  void starClausesOverUnknownColumnsStayUnknown() {
    QueryColumns q =
        infer("snowflake", "select * exclude secret rename (user_id as uid) from events");
    assertEquals(
        """
        uid:null <- model.events.user_id RENAMED
        ... model.events: nothing is known of its columns""",
        show(q));
    assertFalse(q.output().complete());
    // a later reference to the new name reads the renamed column, not a column of that name
    QueryColumns later =
        infer(
            "snowflake",
            """
        with e as (select * rename user_id as uid from events)
        select uid, e.user_id as old from e""");
    assertEquals(
        """
        uid:null <- model.events.user_id RENAMED
        old:null <- model.events.user_id RENAMED""",
        show(later));
  }

  @Test
  void starClauseOriginsAreTheirPlaceInTheSql() {
    String sql =
        "select * exclude status rename (amount as total), amount * 2 as twice from orders";
    QueryColumns q = infer("snowflake", sql);
    Origin total = q.output().column("total").orElseThrow().nameOrigin();
    assertEquals("amount as total", sql.substring(total.start(), total.end()));
    Origin twice = q.output().column("twice").orElseThrow().nameOrigin();
    assertEquals("amount * 2 as twice", sql.substring(twice.start(), twice.end()));
    assertEquals(
        Origin.Kind.PARENT, q.output().column("order_id").orElseThrow().nameOrigin().kind());
    // a parent whose columns are all known lacks what a clause names
    String typo = "select * exclude statu rename (amout as total) from orders";
    List<QueryColumns.MissingColumn> missing = infer("snowflake", typo).missing();
    assertEquals(
        List.of("statu", "amout"),
        missing.stream().map(QueryColumns.MissingColumn::column).toList());
    assertEquals("amout", typo.substring(missing.get(1).start(), missing.get(1).end()));
  }

  @Test
  void halfTypedStarClausesAreUnreadableNotGuessed() {
    for (String sql :
        new String[] {
          "select * rename (amount as",
          "select * rename amount from orders",
          "select * rename (amount as total,) from orders",
          "select * exclude",
          "select * rename",
          "select * exclude (status, from orders",
          "select src.* rename (as x) from orders src",
          "select * rename (amount total) from orders"
        }) {
      QueryColumns q = infer("snowflake", sql);
      assertFalse(q.output().names().contains("total"), sql);
    }
    assertFalse(infer("snowflake", "select * rename amount from orders").parsed());
    // JSqlParser reads the bare word as the star's alias: nothing is taken from the star
    assertEquals(
        "... `* exclude` is not complete (a star takes no alias)",
        show(infer("snowflake", "select * exclude from orders")));
    assertEquals(
        "... `* rename` is not complete (a star takes no alias)",
        show(infer("snowflake", "select o.* rename from orders o")));
    // PostgreSQL has no such clauses: left to the parser, which does not read them
    assertFalse(infer("postgres", "select * rename (amount as total) from orders").parsed());
  }

  @Test
  void unreadableSqlSaysSo() {
    QueryColumns q = infer("postgres", "select from where");
    assertFalse(q.parsed());
    assertFalse(q.output().complete());
  }
}
