package dev.dbtls.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dbtls.warehouse.Finding;
import dev.dbtls.warehouse.IndexSuggestion;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExplainCommandTest {

  private static CliRun run(String... args) {
    return CliRun.of(args);
  }

  @Test
  void explainsAModelAsATreeJsonOrRaw(@TempDir Path dir) throws Exception {
    String project = CliTest.duckdbProject(dir).toString();
    CliRun tree = run("explain", "--project-dir", project, "-s", "doubled");
    assertEquals(0, tree.exit(), tree.err());
    List<String> lines = tree.out().lines().toList();
    // each step says where the model writes what it reads
    assertTrue(
        lines.stream()
            .anyMatch(
                l ->
                    l.matches(
                        " +-> SEQ_SCAN on .*orders \\(rows=100\\)"
                            + "  <- source\\('raw', 'orders'\\) at models/doubled.sql:1:48")),
        tree.out());
    assertTrue(tree.err().contains("plan in "), tree.err());

    CliRun analyzed =
        run(
            "explain",
            "--project-dir",
            project,
            "--sql",
            "select * from {{ source('raw', 'orders') }} where id > 40",
            "--analyze");
    assertEquals(0, analyzed.exit(), analyzed.err());
    assertTrue(
        analyzed
            .out()
            .lines()
            .anyMatch(
                l ->
                    l.contains("SEQ_SCAN on ")
                        && l.contains("[id>40]")
                        && l.contains("actual rows=60")
                        && l.contains("time=")
                        && l.matches(".*, \\d{1,3}%\\)")),
        analyzed.out());
    assertTrue(analyzed.err().contains("plan (analyzed) in "), analyzed.err());

    CliRun json = run("explain", "--project-dir", project, "-s", "doubled", "--format", "json");
    assertEquals(0, json.exit(), json.err());
    JsonNode parsed = new ObjectMapper().readTree(json.out());
    assertEquals(false, parsed.path("analyzed").asBoolean());
    assertTrue(parsed.path("root").path("operator").isTextual(), json.out());
    assertTrue(parsed.path("raw").asText().startsWith("["), json.out());

    CliRun raw = run("explain", "--project-dir", project, "-s", "doubled", "--format", "raw");
    assertEquals(0, raw.exit(), raw.err());
    assertTrue(raw.out().contains("\"SEQ_SCAN\""), raw.out());

    CliRun write = run("explain", "--project-dir", project, "--sql", "delete from orders");
    assertEquals(1, write.exit());
    assertTrue(write.err().contains("warehouse-not-a-query"), write.err());

    CliRun none = run("explain", "--project-dir", project);
    assertEquals(2, none.exit());
    assertTrue(none.err().contains("select exactly one model"), none.err());

    assertTrue(parsed.path("findings").isArray(), json.out());
    assertTrue(parsed.path("tableRows").isObject(), json.out());
    assertEquals("0", parsed.path("root").path("id").asText(), json.out());

    CliRun badFormat = run("explain", "--project-dir", project, "-s", "doubled", "--format", "x");
    assertEquals(2, badFormat.exit());
  }

  @Test
  void findingsFollowTheTreeWithEvidenceConfidenceAndIndexSql() {
    Finding f =
        new Finding(
            "seq-scan-selective-filter",
            "0.1",
            "Full scan of s.orders keeps" + " 0.001% of 1,000,000 rows",
            List.of("s.orders: 1,000,000 rows"),
            Finding.HIGH,
            "measured",
            new IndexSuggestion(
                "s.orders",
                List.of("customer_id"),
                "dbtls_orders_idx",
                "create index dbtls_orders_idx on s.orders (customer_id)",
                "drop index s.dbtls_orders_idx"));
    StringBuilder out = new StringBuilder();
    ExplainCommand.findings(
        List.of(f),
        out,
        i ->
            new dev.dbtls.store.Recommendations.Recommendation(
                7,
                "/p",
                "dev",
                null,
                f.kind(),
                "k",
                f.title(),
                f.evidence(),
                f.confidence(),
                f.index().createSql(),
                f.index().rollbackSql(),
                "pending",
                0,
                0));
    assertEquals(
        """

        1 finding:
        !1 Full scan of s.orders keeps 0.001% of 1,000,000 rows
           recommendation 7 (pending)
           - s.orders: 1,000,000 rows
           confidence: high (measured)
           create:   create index dbtls_orders_idx on s.orders (customer_id);
           rollback: drop index s.dbtls_orders_idx;
        """,
        out.toString());
    assertEquals(List.of(1), ExplainCommand.marks(List.of(f)).get("0.1"));
  }
}
