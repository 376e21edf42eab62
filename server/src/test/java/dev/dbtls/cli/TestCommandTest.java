package dev.dbtls.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code dbtls test} on the embedded DuckDB of a project nothing was built for: generic tests
 * (not_null, unique, accepted_values, relationships), a singular test, severity warn, warn_if and
 * error_if, a where config (the duplicate order is the lost one), each reaching dbt's status; dbt's
 * lines and summary on stdout, dbt's exit code, and target/run_results.json in dbt's shape.
 */
class TestCommandTest {
  @TempDir Path dir;

  private Path project() throws Exception {
    Path p = dir.resolve("shop");
    Files.createDirectories(p.resolve("models"));
    Files.createDirectories(p.resolve("tests"));
    Files.writeString(p.resolve("dbt_project.yml"), "name: shop\nprofile: shop\n");
    Files.writeString(
        p.resolve("profiles.yml"),
        "shop:\n  target: dev\n  outputs:\n    dev:\n      type: duckdb\n"
            + "      path: shop.duckdb\n      threads: 2\n");
    Files.writeString(
        p.resolve("models/customers.sql"),
        "select * from (values (1, 'ana'), (2, 'bo'), (3, 'cy')) t(customer_id, name)\n");
    Files.writeString(
        p.resolve("models/orders.sql"),
        "select * from (values (10, 1, 'placed'), (11, 2, 'shipped'), (11, 9, 'lost'),"
            + " (12, null, 'placed')) t(order_id, customer_id, status)\n");
    Files.writeString(
        p.resolve("models/schema.yml"),
        """
        models:
          - name: customers
            columns:
              - name: customer_id
                data_tests: [unique, not_null]
          - name: orders
            columns:
              - name: order_id
                data_tests:
                  - unique:
                      config:
                        where: "status <> 'lost'"
              - name: customer_id
                data_tests:
                  - not_null:
                      config:
                        severity: warn
                  - relationships:
                      arguments:
                        to: ref('customers')
                        field: customer_id
                      config:
                        warn_if: ">0"
                        error_if: ">5"
              - name: status
                data_tests:
                  - accepted_values:
                      arguments:
                        values: ['placed', 'shipped']
        """);
    Files.writeString(
        p.resolve("tests/no_negative_ids.sql"),
        "select * from {{ ref('orders') }} where order_id < 0\n");
    return p;
  }

  /** {@code dbtls test} in the project, its profiles beside it, with more arguments. */
  private static CliRun test(Path p, String... more) throws Exception {
    List<String> args =
        new ArrayList<>(
            List.of("test", "--project-dir", p.toString(), "--profiles-dir", p.toString()));
    args.addAll(List.of(more));
    return CliRun.of(args.toArray(String[]::new));
  }

  @Test
  void dataTestsRunOnAProjectNothingWasBuiltForAsDbtWouldReportThem() throws Exception {
    Path p = project();
    CliRun run = test(p, "--threads", "1");
    assertEquals(1, run.exit(), run.out() + run.err());
    String out = run.out();
    // dbt's lines: "n of 7 START test x ..... [RUN]" then the outcome
    assertTrue(out.contains("Concurrency: 1 thread (target='dev')"), out);
    assertTrue(
        out.lines()
            .anyMatch(
                l -> l.matches("\\d\\d:\\d\\d:\\d\\d  \\d of 7 START test \\w+ \\.+ \\[RUN]")),
        out);
    assertTrue(
        out.lines()
            .anyMatch(
                l ->
                    l.matches(
                        ".*\\d of 7 FAIL 1 accepted_values_orders_status__placed__shipped \\.+"
                            + " \\[FAIL 1 in \\d+\\.\\d\\ds]")),
        out);
    assertTrue(out.contains("Completed with 1 error, 0 partial successes, and 2 warnings:"), out);
    assertTrue(
        out.contains(
            "Failure in test accepted_values_orders_status__placed__shipped (models/schema.yml)"),
        out);
    assertTrue(out.contains("  Got 1 result, configured to fail if != 0"), out);
    assertTrue(
        out.contains("Warning in test not_null_orders_customer_id (models/schema.yml)"), out);
    assertTrue(out.contains("  Got 1 result, configured to warn if >0"), out);
    assertTrue(out.contains("Done. PASS=4 WARN=2 ERROR=1 SKIP=0 NO-OP=0 TOTAL=7"), out);

    JsonNode results = new ObjectMapper().readTree(p.resolve("target/run_results.json").toFile());
    assertEquals(
        "https://schemas.getdbt.com/dbt/run-results/v6.json",
        results.path("metadata").path("dbt_schema_version").asText());
    Map<String, String> statuses = new TreeMap<>();
    Map<String, Long> failures = new TreeMap<>();
    for (JsonNode r : results.path("results")) {
      String id = r.path("unique_id").asText();
      String name = id.split("\\.")[2];
      statuses.put(name, r.path("status").asText());
      failures.put(name, r.path("failures").asLong());
      assertEquals(2, r.path("timing").size(), r.toString());
      assertTrue(r.path("compiled_code").asText().toLowerCase().contains("select"), r.toString());
    }
    assertEquals(
        new TreeMap<>(
            Map.of(
                "accepted_values_orders_status__placed__shipped", "fail",
                "no_negative_ids", "pass",
                "not_null_customers_customer_id", "pass",
                "not_null_orders_customer_id", "warn",
                "relationships_orders_customer_id__customer_id__ref_customers_", "warn",
                "unique_customers_customer_id", "pass",
                "unique_orders_order_id", "pass")),
        statuses);
    assertEquals(1L, failures.get("relationships_orders_customer_id__customer_id__ref_customers_"));
    assertEquals(1L, failures.get("accepted_values_orders_status__placed__shipped"));
    assertEquals("test", results.path("args").path("which").asText());
  }

  @Test
  void failFastSkipsWhatHasNotStartedAndASelectionNarrowsTheTests() throws Exception {
    Path p = project();
    CliRun run = test(p, "--threads", "1", "--fail-fast", "-s", "orders");
    assertEquals(1, run.exit(), run.out() + run.err());
    List<String> statuses = new ArrayList<>();
    for (JsonNode r :
        new ObjectMapper()
            .readTree(p.resolve("target/run_results.json").toFile())
            .path("results")) {
      statuses.add(r.path("status").asText());
      assertTrue(
          r.path("unique_id").asText().contains("orders")
              || r.path("unique_id").asText().contains("no_negative"),
          r.toString());
    }
    assertTrue(statuses.contains("skipped"), statuses.toString());
    assertEquals(1, statuses.stream().filter(s -> s.equals("fail")).count(), statuses.toString());

    CliRun passing = test(p, "-s", "customers");
    // as dbt selects tests by default ("eager"): every test of customers, the relationships test
    // of orders too since customers is one of its parents; a warning is no failure
    assertEquals(0, passing.exit(), passing.out() + passing.err());
    assertTrue(
        passing.out().contains("Completed with 0 errors, 0 partial successes, and 1 warning:"),
        passing.out());
    assertTrue(
        passing.out().contains("Done. PASS=2 WARN=1 ERROR=0 SKIP=0 NO-OP=0 TOTAL=3"),
        passing.out());
  }
}
