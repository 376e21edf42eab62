package dev.dbtls.warehouse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbtls.warehouse.findings.PlanFindings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Databricks' SQL dialect and plans on the engine Databricks runs, Apache Spark (in process, local
 * mode, parquet tables): the statements dbtls sends for a databricks target — the explain, a
 * preview with its row limit (inside the query when it ends with ORDER BY), the columns without
 * rows — run on Spark, and Spark's own {@code explain formatted} is read into the plan tree with
 * its relations, joins and exchanges, a shuffled join found as data movement. The Databricks JDBC
 * driver itself is not run here (it speaks to Databricks' HTTP endpoints, not to Spark).
 */
class DatabricksSparkTest {
  @TempDir static Path dir;

  private static final String BROADCAST =
      "select c.country, sum(o.amount) as total from shop.orders o join shop.customers c"
          + " on o.customer_id = c.customer_id where o.amount > 10 group by c.country";
  private static final String SHUFFLED =
      "select /*+ MERGE(c) */ c.country, sum(o.amount) as total from shop.orders o"
          + " join shop.customers c on o.customer_id = c.customer_id group by c.country";
  private static final String TOP =
      "select customer_id, sum(amount) as total from shop.orders group by customer_id"
          + " order by total desc";

  private static List<SparkSql.Answer> answers;

  @BeforeAll
  static void spark() throws Exception {
    List<String> statements = new ArrayList<>();
    statements.add("create database if not exists shop");
    statements.add("drop table if exists shop.customers");
    statements.add("drop table if exists shop.orders");
    statements.add(
        "create table shop.customers using parquet as select * from values"
            + " (1, 'ana', 'PT'), (2, 'bo', 'SE') as t(customer_id, name, country)");
    statements.add(
        "create table shop.orders using parquet as select id, id % 2 + 1 as customer_id,"
            + " cast(id * 3 as decimal(10,2)) as amount from range(100) t(id)");
    statements.add(Explain.statement("databricks", BROADCAST, false)); // 5
    statements.add(Explain.statement("databricks", SHUFFLED, false)); // 6
    statements.add(RowLimit.wrap("databricks", TOP, 1, "dbtls_preview")); // 7
    statements.add(RowLimit.wrap("databricks", "select * from shop.customers", 501, "p")); // 8
    statements.add(RowLimit.noRows("databricks", "select * from shop.customers", "p")); // 9
    answers = SparkSql.run(dir, statements);
    for (int i = 0; i < 5; i++) {
      assertNull(answers.get(i).error(), statements.get(i));
    }
  }

  private static PlanNode plan(int i, String query) {
    String raw = answers.get(i).text();
    return Explain.tree("databricks", List.of(), raw, query).finish();
  }

  private static List<PlanNode> all(PlanNode n, List<PlanNode> out) {
    out.add(n);
    n.children().forEach(c -> all(c, out));
    return out;
  }

  private static PlanNode first(PlanNode root, String operator) {
    return all(root, new ArrayList<>()).stream()
        .filter(n -> n.operator().equals(operator))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + operator + " in the plan"));
  }

  @Test
  void aBroadcastJoinsPlanReadsItsScansFiltersAndJoin() {
    PlanNode root = plan(5, BROADCAST);
    assertEquals("AdaptiveSparkPlan", root.operator());
    PlanNode join = first(root, "BroadcastHashJoin");
    assertEquals("Inner", join.joinType());
    assertEquals("BuildRight", join.property("Build side"));
    assertEquals("[customer_id#", join.condition().substring(0, join.condition().indexOf('#') + 1));
    List<PlanNode> scans =
        all(root, new ArrayList<>()).stream().filter(n -> n.relation() != null).toList();
    assertEquals(
        List.of("spark_catalog.shop.orders", "spark_catalog.shop.customers"),
        scans.stream()
            .map(s -> s.property("Catalog") + "." + s.schema() + "." + s.relation())
            .toList());
    assertEquals("Scan parquet", scans.get(0).operator());
    assertTrue(
        scans.get(0).property("PushedFilters").contains("GreaterThan(amount,10.00)"),
        scans.get(0).property("PushedFilters"));
    assertTrue(first(root, "Filter").filter().contains("amount"), first(root, "Filter").filter());
    assertEquals(
        List.of(),
        PlanFindings.of(root, "databricks", Map.of(), false).stream()
            .filter(f -> f.kind().equals("data-movement"))
            .toList(),
        "a broadcast of a small table moves nothing worth a word");
  }

  @Test
  void aShuffledJoinIsDataMovement() {
    PlanNode root = plan(6, SHUFFLED);
    PlanNode join = first(root, "SortMergeJoin");
    List<Finding> moves =
        PlanFindings.of(root, "databricks", Map.of(), false).stream()
            .filter(f -> f.kind().equals("data-movement"))
            .toList();
    assertEquals(1, moves.size(), moves.toString());
    assertEquals(join.id(), moves.get(0).nodeId());
    assertEquals("Join shuffles both of its sides across the cluster", moves.get(0).title());
    assertTrue(
        moves.get(0).evidence().get(1).startsWith("orders shuffled: hashpartitioning("),
        moves.get(0).evidence().toString());
    assertTrue(
        moves.get(0).evidence().get(2).startsWith("customers shuffled: hashpartitioning("),
        moves.get(0).evidence().toString());
  }

  @Test
  void previewsRunOnSparkWithTheirLimitAndOrder() {
    SparkSql.Answer top = answers.get(7);
    assertNull(top.error(), top.error());
    // the limit inside the query keeps its ORDER BY: customer 2 (the odd ids) has the most
    assertEquals(List.of(List.of("2", "7500.00")), top.rows());
    assertEquals(List.of("customer_id", "total"), top.columns());
    SparkSql.Answer all = answers.get(8);
    assertEquals(2, all.rows().size(), String.valueOf(all.error()));
    SparkSql.Answer none = answers.get(9);
    assertEquals(List.of("customer_id", "name", "country"), none.columns());
    assertEquals(List.of(), none.rows());
  }
}
