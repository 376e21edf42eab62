package dev.dbtls.warehouse;

import static dev.dbtls.warehouse.Databases.target;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.cloud.NoCredentials;
import com.google.cloud.bigquery.BigQuery;
import com.google.cloud.bigquery.BigQueryOptions;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.dbtls.project.ProblemCode;
import dev.dbtls.warehouse.bigquery.BigQueryEngine;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The BigQuery engine and Google's client library against BigQuery's REST API as its reference
 * documents it (jobs.insert, jobs.get, jobs.getQueryResults, tabledata.list, jobs.cancel), answered
 * by a local HTTP endpoint: BigQuery cannot run here, so this is a contract test of the documented
 * shapes. It shows the preview's dry run first, its refusals, the rows read page by page as the
 * library fetches them, and a cancel reaching BigQuery as jobs.cancel.
 */
class BigQueryRestContractTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path dir;

  private HttpServer http;
  private final List<String> calls = Collections.synchronizedList(new ArrayList<>());
  private volatile long bytesProcessed = 1_234_567;
  private volatile String statementType = "SELECT";
  private volatile boolean holdJob;
  private volatile boolean cancelled;
  private final CountDownLatch polled = new CountDownLatch(1);

  /** Five rows of (id INT64, name STRING, tags ARRAY<STRING>), two a page. */
  private static final List<List<Object>> ROWS =
      List.of(
          List.of("1", "ana", List.of("a")),
          List.of("2", "bo", List.of()),
          List.of("3", "cy", List.of("c", "d")),
          List.of("4", "di", List.of()),
          List.of("5", "ed", List.of("e")));

  @BeforeEach
  void start() throws IOException {
    http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    http.createContext(
        "/",
        x -> {
          try {
            answer(x);
          } catch (IOException | RuntimeException e) {
            calls.add("the endpoint failed: " + e);
            x.close();
          }
        });
    http.start();
  }

  @AfterEach
  void stop() {
    http.stop(0);
  }

  private Warehouse warehouse(Object... fields) {
    Object[] all = new Object[fields.length + 10];
    System.arraycopy(
        new Object[] {
          "type",
          "bigquery",
          "project",
          "acme",
          "dataset",
          "dbt_ana",
          "method",
          "oauth-secrets",
          "token",
          "ya29.secret-token"
        },
        0,
        all,
        0,
        10);
    System.arraycopy(fields, 0, all, 10, fields.length);
    BigQuerySettings s = BigQuerySettings.of(target("dev", all), dir);
    BigQuery client =
        BigQueryOptions.newBuilder()
            .setProjectId(s.jobProject())
            .setHost("http://127.0.0.1:" + http.getAddress().getPort())
            .setCredentials(NoCredentials.getInstance())
            .build()
            .getService();
    ClientEngine engine = new BigQueryEngine(s, client);
    return Warehouse.withEngine(BigQueryTarget.spec(s, engine), engine, dir);
  }

  @Test
  void aPreviewDryRunsThenReadsTheRowsPageByPage() {
    Warehouse w = warehouse();
    PreviewOptions o = PreviewOptions.defaults().withPage(2, 1 << 20);
    PreviewResult r = Preview.run(w, "select id, name, tags from customers", o);
    assertNull(r.error(), String.valueOf(r.error()));
    assertEquals(
        List.of(
            new PreviewColumn("id", "INT64", "integer"),
            new PreviewColumn("name", "STRING", "text"),
            new PreviewColumn("tags", "ARRAY<STRING>", "array")),
        r.columns());
    assertEquals(List.of(List.of(1L, "ana", List.of("a")), List.of(2L, "bo", List.of())), r.rows());
    assertTrue(r.hasMore());
    assertEquals(1_234_567L, r.bytesScanned(), "the dry run's bytes, said with the rows");
    PreviewPage p2 = Preview.page(w, r.cursor(), o);
    assertEquals(
        List.of(List.of(3L, "cy", List.of("c", "d")), List.of(4L, "di", List.of())), p2.rows());
    PreviewPage p3 = Preview.page(w, p2.cursor(), o);
    assertEquals(List.of(List.of(5L, "ed", List.of("e"))), p3.rows());
    assertFalse(p3.hasMore());
    // the dry run first, then the job; the rest of the rows from the result table
    assertTrue(
        calls.get(0).startsWith("POST /bigquery/v2/projects/acme/jobs dryRun"), calls.toString());
    assertTrue(
        calls.get(1).startsWith("POST /bigquery/v2/projects/acme/jobs run"), calls.toString());
    assertTrue(
        calls.stream()
            .anyMatch(
                c ->
                    c.startsWith(
                        "GET /bigquery/v2/projects/acme/datasets/_anon/tables/anon1/data")),
        calls.toString());
    w.close();
  }

  @Test
  void anExportWritesEveryRowArraysAsJson() throws Exception {
    Warehouse w = warehouse();
    Path file = dir.resolve("customers.csv");
    dev.dbtls.store.export.ExportResult r =
        ResultExport.run(
            w,
            "select id, name, tags from customers",
            file,
            dev.dbtls.store.export.ExportFormat.CSV,
            PreviewOptions.defaults().withLimit(0));
    assertTrue(r.ok(), r.error());
    assertEquals(
        List.of(
            "id,name,tags",
            "1,ana,\"[\"\"a\"\"]\"",
            "2,bo,[]",
            "3,cy,\"[\"\"c\"\",\"\"d\"\"]\"",
            "4,di,[]",
            "5,ed,\"[\"\"e\"\"]\""),
        java.nio.file.Files.readAllLines(file));
    w.close();
  }

  @Test
  void explainIsTheDryRunAndExplainAnalyzeTheJobsStages() {
    Warehouse w = warehouse();
    ExplainResult dry = Explain.run(w, "select id, name from customers", false, null);
    assertNull(dry.error(), String.valueOf(dry.error()));
    assertFalse(dry.analyzed());
    PlanNode q = dry.root();
    assertEquals("Query (dry run)", q.operator());
    assertEquals("1.2 MB", q.properties().get("Bytes to scan"));
    assertEquals("Read", q.children().get(0).operator());
    assertEquals("customers", q.children().get(0).relation());
    assertEquals("acme.dbt_ana", q.children().get(0).schema());
    assertTrue(calls.stream().allMatch(c -> c.contains("dryRun")), calls.toString());

    ExplainResult ran = Explain.run(w, "select id, name from customers", true, null);
    assertNull(ran.error(), String.valueOf(ran.error()));
    assertTrue(ran.analyzed());
    PlanNode output = ran.root();
    assertEquals("S01: Output", output.operator());
    assertEquals("480 ms", output.properties().get("Job slot time"));
    assertEquals("10.5 MB", output.properties().get("Job bytes billed"));
    PlanNode input = output.children().get(0);
    assertEquals("S00: Input", input.operator());
    assertEquals(5.0, input.actualRows());
    assertEquals(400.0, input.selfTimeMs());
    assertEquals(700.0, input.actualTimeMs());
    assertEquals(400.0 / 480, input.timeShare(), 1e-9);
    assertEquals(
        "READ $1:id, $2:name; FROM acme.dbt_ana.customers", input.properties().get("Step 1"));
    assertEquals("120 bytes", input.properties().get("Shuffle output"));
    assertTrue(ran.raw().contains("\"queryPlan\""), ran.raw());
    // the job ran without the result cache: its stages are the work, not a cached answer
    assertTrue(
        calls.stream().anyMatch(c -> c.contains(" run") && c.contains("cache=false")),
        calls.toString());
    w.close();
  }

  @Test
  void theCatalogIsTheRegionsInformationSchemaWithBigQuerysTypeNames() {
    Warehouse w = warehouse("location", "EU");
    WarehouseCatalog c = WarehouseCatalog.read(w, null);
    assertNull(c.error(), String.valueOf(c.error()));
    assertEquals(3, c.relationCount());
    // the previews' wrapping aside, two queries: the relations, then their columns
    assertEquals(2, queries.size(), queries.toString());
    assertTrue(
        queries
            .get(0)
            .contains(
                "select table_catalog, table_schema, table_name, table_type from"
                    + " `acme`.`region-eu`.INFORMATION_SCHEMA.TABLES order by table_schema,"
                    + " table_name limit 20001"),
        queries.toString());
    assertTrue(
        queries
            .get(1)
            .contains(
                "select table_catalog, table_schema, table_name, column_name, data_type,"
                    + " ordinal_position from `acme`.`region-eu`.INFORMATION_SCHEMA.COLUMNS"),
        queries.toString());
    List<String> seen = new ArrayList<>();
    for (WarehouseCatalog.Relation r : c.relations()) {
      seen.add(r.schema() + "." + Databases.described(r));
    }
    assertEquals(
        List.of(
            "dbt_ana.customers table [id:INT64:integer, name:STRING:text,"
                + " tags:ARRAY<STRING>:array]",
            "dbt_ana.orders view [order_id:INT64:integer, amount:NUMERIC(10, 2):decimal,"
                + " placed_at:TIMESTAMP:timestamptz]",
            "raw.payments other [info:STRUCT<method STRING, cents INT64>:struct]"),
        seen);
    w.close();

    // without a location, the target's dataset
    queries.clear();
    Warehouse plain = warehouse();
    WarehouseCatalog.read(plain, null);
    assertTrue(
        queries.get(0).contains("from `acme`.`dbt_ana`.INFORMATION_SCHEMA.TABLES"),
        queries.toString());
    plain.close();
  }

  @Test
  void aBenchmarkSaysWhatItWillScanRunsWithoutTheCacheOrIsRefusedOverTheLimit() {
    Warehouse w = warehouse();
    dev.dbtls.benchmark.BenchmarkPlan plan =
        dev.dbtls.benchmark.BenchmarkPlan.of(
                List.of(
                    dev.dbtls.benchmark.Variant.of(
                        "saved file", "select id, name, tags from customers"),
                    dev.dbtls.benchmark.Variant.of(
                        "buffer", "select id, name, tags from customers where id > 0")))
            .withRuns(1, 3);
    dev.dbtls.benchmark.BenchmarkResult r = dev.dbtls.benchmark.Benchmark.run(w, plan, null, null);
    assertNull(r.error(), String.valueOf(r.error()));
    assertEquals(dev.dbtls.benchmark.BenchmarkResult.Status.COMPLETED, r.status());
    for (dev.dbtls.benchmark.VariantResult v : r.variants()) {
      assertEquals(3, v.runs().size());
      assertTrue(v.runs().stream().allMatch(run -> run.rows() == 5), v.runs().toString());
    }
    assertTrue(
        r.notes()
            .contains(
                "before the runs, BigQuery's dry runs said they scan 9.9 MB (a run: 'saved file'"
                    + " 1.2 MB, 'buffer' 1.2 MB) in 4 runs per variant, warm-ups included, about"
                    + " $0.0001 on demand at the US list price ($6.25 per TiB; the minimum of 10 MB"
                    + " per query billed aside)"),
        r.notes().toString());
    // 8 jobs (a warm-up and three runs per variant), none answered from the result cache
    assertEquals(
        8, calls.stream().filter(c -> c.contains(" run cache=false")).count(), calls.toString());

    long scanned = r.scanBytes();
    assertEquals(8 * 1_234_567L, scanned, "the dry runs' bytes times the runs");

    // above the question's threshold: asked, not run; accepted, run
    calls.clear();
    dev.dbtls.benchmark.BenchmarkResult asked =
        dev.dbtls.benchmark.Benchmark.run(
            w,
            plan.withCostQuestion(new dev.dbtls.benchmark.CostQuestion(5_000_000L, 0, 0, 0)),
            null,
            null);
    assertEquals(dev.dbtls.benchmark.BenchmarkResult.Status.REFUSED, asked.status());
    assertTrue(asked.unconfirmedCost());
    assertEquals(scanned, asked.scanBytes());
    assertEquals(
        "not run yet: BigQuery's dry runs say the benchmark would scan 9.9 MB (a run: 'saved file'"
            + " 1.2 MB, 'buffer' 1.2 MB) in 4 runs per variant, warm-ups included, about $0.0001 on"
            + " demand at the US list price ($6.25 per TiB; the minimum of 10 MB per query billed"
            + " aside), more than dbtls.benchmark.confirmBytesAbove (5.0 MB); confirm to run it",
        asked.error().message());
    assertEquals(
        0, calls.stream().filter(c -> c.contains(" run cache=false")).count(), calls.toString());
    assertTrue(
        dev.dbtls.benchmark.Benchmark.run(
                w,
                plan.withCostQuestion(
                    new dev.dbtls.benchmark.CostQuestion(5_000_000L, scanned - 1, 0, 0)),
                null,
                null)
            .unconfirmedCost(),
        "fewer bytes accepted than the runs scan: asked again");
    dev.dbtls.benchmark.BenchmarkResult accepted =
        dev.dbtls.benchmark.Benchmark.run(
            w,
            plan.withCostQuestion(new dev.dbtls.benchmark.CostQuestion(5_000_000L, scanned, 0, 0)),
            null,
            null);
    assertEquals(dev.dbtls.benchmark.BenchmarkResult.Status.COMPLETED, accepted.status());
    assertEquals(
        8, calls.stream().filter(c -> c.contains(" run cache=false")).count(), calls.toString());

    w.maxBytesScanned(5_000_000L);
    dev.dbtls.benchmark.BenchmarkResult refused =
        dev.dbtls.benchmark.Benchmark.run(w, plan, null, null);
    assertEquals(
        "the benchmark would scan 9.9 MB in 4 runs per variant, more than"
            + " dbtls.warehouse.maxBytesScanned (5.0 MB): fewer runs, or raise the setting",
        refused.error().message());
    w.close();
  }

  @Test
  void foreignKeysComeFromTheDatasetsConstraintsCompositeOnesColumnByColumn() {
    Warehouse w = warehouse("location", "EU");
    WarehouseForeignKeys keys = WarehouseForeignKeys.read(w, null);
    assertNull(keys.error(), String.valueOf(keys.error()));
    assertEquals(
        List.of(
            new WarehouseForeignKeys.ForeignKey(
                "fk_orders_customer",
                "acme",
                "dbt_ana",
                "orders",
                List.of("customer_id"),
                "acme",
                "dbt_ana",
                "customers",
                List.of("id")),
            new WarehouseForeignKeys.ForeignKey(
                "fk_ship_line",
                "acme",
                "dbt_ana",
                "shipments",
                List.of("ord", "line"),
                "acme",
                "dbt_ana",
                "order_lines",
                List.of("order_id", "line_no"))),
        keys.keys());
    // table constraints are kept per dataset: the dataset's views, whatever the location
    assertTrue(
        queries.stream().allMatch(q -> q.contains("`acme`.`dbt_ana`.INFORMATION_SCHEMA.")),
        queries.toString());
    w.close();
  }

  @Test
  void aColumnProfileIsOneQueryForEveryColumn() {
    Warehouse w = warehouse();
    ProfileResult p = Profile.of(w, "select id, name, tags from customers", null);
    assertNull(p.error(), String.valueOf(p.error()));
    assertEquals(5, p.rows());
    assertEquals(
        List.of(
            new ColumnProfile(
                "id",
                "integer",
                0,
                5,
                1L,
                5L,
                List.of(new ColumnProfile.TopValue(1L, 1), new ColumnProfile.TopValue(2L, 1))),
            new ColumnProfile(
                "name",
                "text",
                1,
                3,
                "ana",
                "di",
                List.of(new ColumnProfile.TopValue("bo", 2), new ColumnProfile.TopValue("ana", 1))),
            new ColumnProfile("tags", "array", 0, -1, null, null, List.of())),
        p.columns());
    assertEquals(1, queries.size(), queries.toString());
    assertTrue(
        queries
            .get(0)
            .contains(
                "select count(*), count(`id`), count(distinct `id`), min(`id`), max(`id`),"
                    + " approx_top_count(`id`, 5), count(`name`), count(distinct `name`),"
                    + " min(`name`), max(`name`), approx_top_count(`name`, 5), count(`tags`) from"),
        queries.toString());
    w.close();
  }

  @Test
  void whatTheDryRunSaysIsNotAQueryOrTooBigNeverRuns() {
    statementType = "DELETE";
    Warehouse w = warehouse();
    // a statement the guard does not know as a write, which BigQuery's planner does
    PreviewResult r = Preview.run(w, "select * from customers", PreviewOptions.defaults());
    assertEquals(
        "bigquery plans this as DELETE, not a query: dbtls does not run it", r.error().message());
    statementType = "SELECT";
    bytesProcessed = 5_000_000_000L;
    Warehouse limited = warehouse("maximum_bytes_billed", 1_000_000_000L);
    assertEquals(
        "this query would scan 5.0 GB, more than the profile's maximum_bytes_billed (1.0 GB): not"
            + " run",
        Preview.run(limited, "select 1", PreviewOptions.defaults()).error().message());
    w.maxBytesScanned(100_000_000L);
    assertEquals(
        "this query would scan 5.0 GB, more than dbtls.warehouse.maxBytesScanned (100.0 MB): not"
            + " run",
        Preview.run(w, "select 1", PreviewOptions.defaults()).error().message());
    assertTrue(calls.stream().allMatch(c -> c.contains("dryRun")), calls.toString());
    w.close();
    limited.close();
  }

  @Test
  void cancelStopsTheJobInBigQuery() throws Exception {
    holdJob = true;
    Warehouse w = warehouse();
    QueryCancel cancel = new QueryCancel();
    CompletableFuture<PreviewResult> running =
        CompletableFuture.supplyAsync(
            () -> Preview.run(w, "select 1", PreviewOptions.defaults().withCancel(cancel)));
    assertTrue(polled.await(30, TimeUnit.SECONDS), "the job was never waited on: " + calls);
    cancel.cancel();
    PreviewResult r = running.get(60, TimeUnit.SECONDS);
    assertEquals(ProblemCode.WAREHOUSE_CANCELLED, r.error().code(), r.error().message());
    assertTrue(
        calls.stream()
            .anyMatch(c -> c.matches("POST /bigquery/v2/projects/acme/jobs/dbtls_\\w+/cancel.*")),
        calls.toString());
    w.close();
  }

  @Test
  void aJobErrorIsBigQuerysOwnMessageInOneLine() {
    statementType = "SELECT";
    Warehouse w = warehouse();
    failWith = "Unrecognized name: nme at [1:8]";
    PreviewResult r = Preview.run(w, "select nme from customers", PreviewOptions.defaults());
    assertEquals("bigquery target 'dev': Unrecognized name: nme at [1:8]", r.error().message());
    w.close();
  }

  private volatile String failWith;
  private final List<String> queries = Collections.synchronizedList(new ArrayList<>());

  // --- the documented REST shapes ---------------------------------------------------------

  private void answer(HttpExchange x) throws IOException {
    String method = x.getRequestMethod();
    String path = x.getRequestURI().getPath();
    String query = String.valueOf(x.getRequestURI().getQuery());
    byte[] body = x.getRequestBody().readAllBytes();
    if ("gzip".equals(x.getRequestHeaders().getFirst("Content-Encoding"))) {
      // the client library compresses what it sends
      body =
          new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(body)).readAllBytes();
    }
    Object out;
    if (method.equals("POST") && path.endsWith("/jobs")) {
      JsonNode job = JSON.readTree(body);
      boolean dry = job.at("/configuration/dryRun").asBoolean(false);
      calls.add(
          method
              + " "
              + path
              + (dry ? " dryRun" : " run")
              + " cache="
              + job.at("/configuration/query/useQueryCache").asBoolean(true));
      if (dry) {
        if (failWith != null) {
          error(x, 400, failWith);
          return;
        }
        drySql = job.at("/configuration/query/query").asText();
        out = job(job.at("/jobReference/jobId").asText("dry"), "DONE", true);
      } else {
        lastSql = job.at("/configuration/query/query").asText();
        queries.add(lastSql);
        out = job(job.at("/jobReference/jobId").asText(), holdJob ? "RUNNING" : "DONE", false);
      }
    } else if (method.equals("POST") && path.endsWith("/cancel")) {
      calls.add(method + " " + path);
      cancelled = true;
      out = Map.of("kind", "bigquery#jobCancelResponse", "job", job(jobId(path, 2), "DONE", false));
    } else if (path.contains("/queries/")) {
      calls.add(method + " " + path + "?" + query);
      polled.countDown();
      String id = path.substring(path.lastIndexOf('/') + 1);
      if (holdJob && !cancelled) {
        sleepABit();
        out =
            Map.of(
                "kind",
                "bigquery#getQueryResultsResponse",
                "jobReference",
                ref(id),
                "jobComplete",
                false);
      } else if (cancelled) {
        error(x, 400, "Job execution was cancelled: User requested cancellation");
        return;
      } else {
        out = page(0, pageSize(query), id);
      }
    } else if (path.contains("/jobs/")) {
      calls.add(method + " " + path);
      out = job(jobId(path, 1), holdJob && !cancelled ? "RUNNING" : "DONE", false);
    } else if (path.endsWith("/data")) {
      calls.add(method + " " + path + "?" + query);
      int from = query.contains("pageToken=") ? Integer.parseInt(param(query, "pageToken")) : 0;
      Map<String, Object> page = page(from, pageSize(query), null);
      page.remove("schema");
      page.remove("jobComplete");
      page.remove("jobReference");
      page.put("kind", "bigquery#tableDataList");
      out = page;
    } else {
      calls.add(method + " " + path + " (unknown)");
      error(x, 404, "no such API: " + path);
      return;
    }
    send(x, 200, out);
  }

  private Map<String, Object> job(String id, String state, boolean dry) {
    Map<String, Object> status = new LinkedHashMap<>();
    status.put("state", state);
    if (cancelled) {
      status.put(
          "errorResult",
          Map.of(
              "reason",
              "stopped",
              "message",
              "Job execution was cancelled: User requested cancellation"));
    } else if (failWith != null) {
      status.put("errorResult", Map.of("reason", "invalidQuery", "message", failWith));
    }
    Map<String, Object> query = new LinkedHashMap<>();
    query.put("totalBytesProcessed", String.valueOf(bytesProcessed));
    query.put("statementType", statementType);
    if (dry) {
      query.put("schema", Map.of("fields", fields(result(drySql).fields())));
    }
    query.put("cacheHit", false);
    query.put(
        "referencedTables",
        List.of(Map.of("projectId", "acme", "datasetId", "dbt_ana", "tableId", "customers")));
    if (!dry) {
      query.put("totalBytesBilled", String.valueOf(10_485_760));
      query.put("totalSlotMs", "480");
      query.put("queryPlan", STAGES);
    }
    Map<String, Object> config = new LinkedHashMap<>();
    config.put("dryRun", dry);
    config.put(
        "query",
        Map.of(
            "query",
            "select …",
            "destinationTable",
            Map.of("projectId", "acme", "datasetId", "_anon", "tableId", "anon1")));
    Map<String, Object> j = new LinkedHashMap<>();
    j.put("kind", "bigquery#job");
    j.put("id", "acme:US." + id);
    j.put("jobReference", ref(id));
    j.put("configuration", config);
    j.put("status", status);
    j.put(
        "statistics",
        Map.of(
            "creationTime", "1709296200000",
            "startTime", "1709296200100",
            "endTime", "1709296201350",
            "totalSlotMs", "480",
            "totalBytesProcessed", String.valueOf(bytesProcessed),
            "query", query));
    return j;
  }

  /** Two stages as jobs.get documents ExplainQueryStage: the input, then the output reading it. */
  private static final List<Map<String, Object>> STAGES =
      List.of(
          stage(
              "S00: Input",
              "0",
              List.of(),
              5,
              5,
              400,
              120,
              List.of(
                  Map.of(
                      "kind",
                      "READ",
                      "substeps",
                      List.of("$1:id, $2:name", "FROM acme.dbt_ana.customers")),
                  Map.of("kind", "WRITE", "substeps", List.of("$1, $2", "TO __stage00_output")))),
          stage(
              "S01: Output",
              "1",
              List.of("0"),
              5,
              5,
              80,
              0,
              List.of(
                  Map.of("kind", "READ", "substeps", List.of("$1, $2", "FROM __stage00_output")),
                  Map.of("kind", "WRITE", "substeps", List.of("$1, $2", "TO __stage01_output")))));

  private static Map<String, Object> stage(
      String name,
      String id,
      List<String> inputs,
      long read,
      long written,
      long slotMs,
      long shuffle,
      List<Map<String, Object>> steps) {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("name", name);
    s.put("id", id);
    s.put("startMs", "1709296200200");
    s.put("endMs", id.equals("0") ? "1709296200900" : "1709296201300");
    s.put("inputStages", inputs);
    s.put("waitMsAvg", "3");
    s.put("readMsAvg", "7");
    s.put("computeMsAvg", "11");
    s.put("writeMsAvg", "2");
    s.put("shuffleOutputBytes", String.valueOf(shuffle));
    s.put("recordsRead", String.valueOf(read));
    s.put("recordsWritten", String.valueOf(written));
    s.put("slotMs", String.valueOf(slotMs));
    // the rest of ExplainQueryStage, as BigQuery fills it in (the client library needs them all)
    for (String f : List.of("waitMsMax", "readMsMax", "computeMsMax", "writeMsMax")) {
      s.put(f, "20");
    }
    for (String f :
        List.of(
            "waitRatioAvg",
            "waitRatioMax",
            "readRatioAvg",
            "readRatioMax",
            "computeRatioAvg",
            "computeRatioMax",
            "writeRatioAvg",
            "writeRatioMax")) {
      s.put(f, 0.5);
    }
    s.put("shuffleOutputBytesSpilled", "0");
    s.put("parallelInputs", "1");
    s.put("completedParallelInputs", "1");
    s.put("status", "COMPLETE");
    s.put("steps", steps);
    return s;
  }

  private static Map<String, Object> ref(String id) {
    return Map.of("projectId", "acme", "jobId", id, "location", "US");
  }

  /** A result: its fields (name, type, mode) and rows (a repeated field's value a list). */
  /**
   * A result: its fields ({name, type, mode} and a record's sub-fields as a fourth element) and
   * rows (a repeated field's value a list, a record's a {@link Struct}).
   */
  private record Result(List<? extends List<?>> fields, List<? extends List<?>> rows) {}

  /** A record's values, in its fields' order. */
  private record Struct(List<Object> cells) {}

  /** The profile of CUSTOMERS, one row as BigQuery answers the single profile query. */
  private static final Result PROFILE =
      new Result(
          List.of(
              List.of("f0_", "INTEGER", "NULLABLE"),
              List.of("f1_", "INTEGER", "NULLABLE"),
              List.of("f2_", "INTEGER", "NULLABLE"),
              List.of("f3_", "INTEGER", "NULLABLE"),
              List.of("f4_", "INTEGER", "NULLABLE"),
              List.of(
                  "f5_",
                  "RECORD",
                  "REPEATED",
                  List.of(
                      List.of("value", "INTEGER", "NULLABLE"),
                      List.of("count", "INTEGER", "NULLABLE"))),
              List.of("f6_", "INTEGER", "NULLABLE"),
              List.of("f7_", "INTEGER", "NULLABLE"),
              List.of("f8_", "STRING", "NULLABLE"),
              List.of("f9_", "STRING", "NULLABLE"),
              List.of(
                  "f10_",
                  "RECORD",
                  "REPEATED",
                  List.of(
                      List.of("value", "STRING", "NULLABLE"),
                      List.of("count", "INTEGER", "NULLABLE"))),
              List.of("f11_", "INTEGER", "NULLABLE")),
          List.of(
              List.of(
                  "5",
                  "5",
                  "5",
                  "1",
                  "5",
                  List.of(new Struct(List.of("1", "1")), new Struct(List.of("2", "1"))),
                  "4",
                  "3",
                  "ana",
                  "di",
                  List.of(new Struct(List.of("bo", "2")), new Struct(List.of("ana", "1"))),
                  "5")));

  /** What the last dry run asked: its schema is that query's. */
  private volatile String drySql = "";

  private static final Result CUSTOMERS =
      new Result(
          List.of(
              List.of("id", "INTEGER", "NULLABLE"),
              List.of("name", "STRING", "NULLABLE"),
              List.of("tags", "STRING", "REPEATED")),
          ROWS);

  /** INFORMATION_SCHEMA.TABLES of the region: two datasets, a table, a view, an external table. */
  private static final Result TABLES =
      new Result(
          List.of(
              List.of("table_catalog", "STRING", "NULLABLE"),
              List.of("table_schema", "STRING", "NULLABLE"),
              List.of("table_name", "STRING", "NULLABLE"),
              List.of("table_type", "STRING", "NULLABLE")),
          List.of(
              List.of("acme", "dbt_ana", "customers", "BASE TABLE"),
              List.of("acme", "dbt_ana", "orders", "VIEW"),
              List.of("acme", "raw", "payments", "EXTERNAL")));

  /** INFORMATION_SCHEMA.COLUMNS, not in column order. */
  private static final Result COLUMNS =
      new Result(
          List.of(
              List.of("table_catalog", "STRING", "NULLABLE"),
              List.of("table_schema", "STRING", "NULLABLE"),
              List.of("table_name", "STRING", "NULLABLE"),
              List.of("column_name", "STRING", "NULLABLE"),
              List.of("data_type", "STRING", "NULLABLE"),
              List.of("ordinal_position", "INTEGER", "NULLABLE")),
          List.of(
              List.of("acme", "dbt_ana", "customers", "tags", "ARRAY<STRING>", "3"),
              List.of("acme", "dbt_ana", "customers", "id", "INT64", "1"),
              List.of("acme", "dbt_ana", "customers", "name", "STRING", "2"),
              List.of("acme", "dbt_ana", "orders", "amount", "NUMERIC(10, 2)", "2"),
              List.of("acme", "dbt_ana", "orders", "order_id", "INT64", "1"),
              List.of("acme", "dbt_ana", "orders", "placed_at", "TIMESTAMP", "3"),
              List.of(
                  "acme", "raw", "payments", "info", "STRUCT<method STRING, cents INT64>", "1")));

  /**
   * TABLE_CONSTRAINTS of the target dataset: two primary keys, two foreign keys (one composite).
   */
  private static final Result CONSTRAINTS =
      new Result(
          List.of(
              List.of("constraint_name", "STRING", "NULLABLE"),
              List.of("table_catalog", "STRING", "NULLABLE"),
              List.of("table_schema", "STRING", "NULLABLE"),
              List.of("table_name", "STRING", "NULLABLE"),
              List.of("constraint_type", "STRING", "NULLABLE")),
          List.of(
              List.of("customers.pk$", "acme", "dbt_ana", "customers", "PRIMARY KEY"),
              List.of("order_lines.pk$", "acme", "dbt_ana", "order_lines", "PRIMARY KEY"),
              List.of("fk_orders_customer", "acme", "dbt_ana", "orders", "FOREIGN KEY"),
              List.of("fk_ship_line", "acme", "dbt_ana", "shipments", "FOREIGN KEY")));

  /** KEY_COLUMN_USAGE: a foreign key column points into the referenced primary key by position. */
  private static final Result KEY_COLUMNS =
      new Result(
          List.of(
              List.of("constraint_name", "STRING", "NULLABLE"),
              List.of("column_name", "STRING", "NULLABLE"),
              List.of("ordinal_position", "INTEGER", "NULLABLE"),
              List.of("position_in_unique_constraint", "INTEGER", "NULLABLE")),
          List.of(
              java.util.Arrays.asList("customers.pk$", "id", "1", null),
              java.util.Arrays.asList("order_lines.pk$", "order_id", "1", null),
              java.util.Arrays.asList("order_lines.pk$", "line_no", "2", null),
              java.util.Arrays.asList("fk_orders_customer", "customer_id", "1", "1"),
              java.util.Arrays.asList("fk_ship_line", "line", "2", "2"),
              java.util.Arrays.asList("fk_ship_line", "ord", "1", "1")));

  /** CONSTRAINT_COLUMN_USAGE: for a foreign key the referenced table's columns, in no order. */
  private static final Result USED_COLUMNS =
      new Result(
          List.of(
              List.of("constraint_name", "STRING", "NULLABLE"),
              List.of("table_catalog", "STRING", "NULLABLE"),
              List.of("table_schema", "STRING", "NULLABLE"),
              List.of("table_name", "STRING", "NULLABLE"),
              List.of("column_name", "STRING", "NULLABLE")),
          List.of(
              List.of("customers.pk$", "acme", "dbt_ana", "customers", "id"),
              List.of("fk_orders_customer", "acme", "dbt_ana", "customers", "id"),
              List.of("fk_ship_line", "acme", "dbt_ana", "order_lines", "line_no"),
              List.of("fk_ship_line", "acme", "dbt_ana", "order_lines", "order_id")));

  /** What the last job run asked, which its result pages answer. */
  private volatile String lastSql = "";

  private Result result() {
    return result(lastSql);
  }

  private static Result result(String query) {
    String sql = query.toUpperCase(java.util.Locale.ROOT);
    if (sql.contains("APPROX_TOP_COUNT")) {
      return PROFILE;
    }
    if (sql.contains("INFORMATION_SCHEMA.TABLE_CONSTRAINTS")) {
      return CONSTRAINTS;
    }
    if (sql.contains("INFORMATION_SCHEMA.KEY_COLUMN_USAGE")) {
      return KEY_COLUMNS;
    }
    if (sql.contains("INFORMATION_SCHEMA.CONSTRAINT_COLUMN_USAGE")) {
      return USED_COLUMNS;
    }
    return sql.contains("INFORMATION_SCHEMA.TABLES")
        ? TABLES
        : sql.contains("INFORMATION_SCHEMA.COLUMNS") ? COLUMNS : CUSTOMERS;
  }

  private Map<String, Object> page(int from, int size, String id) {
    Result result = result();
    List<Object> rows = new ArrayList<>();
    for (int i = from; i < Math.min(result.rows().size(), from + size); i++) {
      rows.add(encode(new Struct(new ArrayList<>(result.rows().get(i)))));
    }
    List<Object> fields = fields(result.fields());
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("kind", "bigquery#getQueryResultsResponse");
    if (id != null) {
      p.put("jobReference", ref(id));
    }
    p.put("schema", Map.of("fields", fields));
    p.put("totalRows", String.valueOf(result.rows().size()));
    p.put("rows", rows);
    if (from + size < result.rows().size()) {
      p.put("pageToken", String.valueOf(from + size));
    }
    p.put("jobComplete", true);
    return p;
  }

  /** Fields as the REST answer's schema has them. */
  private static List<Object> fields(List<? extends List<?>> specs) {
    List<Object> out = new ArrayList<>();
    for (List<?> f : specs) {
      Map<String, Object> field = new LinkedHashMap<>();
      field.put("name", f.get(0));
      field.put("type", f.get(1));
      field.put("mode", f.get(2));
      if (f.size() > 3) {
        field.put("fields", fields((List<? extends List<?>>) f.get(3)));
      }
      out.add(field);
    }
    return out;
  }

  /** A value as the REST answer carries it: records as {f: [...]}, arrays as [{v: …}]. */
  private static Object encode(Object v) {
    if (v instanceof Struct s) {
      List<Object> cells = new ArrayList<>();
      s.cells().forEach(c -> cells.add(Collections.singletonMap("v", encode(c))));
      return Map.of("f", cells);
    }
    if (v instanceof List<?> list) {
      List<Object> items = new ArrayList<>();
      list.forEach(t -> items.add(Collections.singletonMap("v", encode(t))));
      return items;
    }
    return v;
  }

  private static int pageSize(String query) {
    String m = param(query, "maxResults");
    return m == null ? 2 : Math.max(0, Integer.parseInt(m));
  }

  private static String param(String query, String name) {
    for (String kv : query.split("&")) {
      if (kv.startsWith(name + "=")) {
        return kv.substring(name.length() + 1);
      }
    }
    return null;
  }

  private static String jobId(String path, int fromEnd) {
    String[] parts = path.split("/");
    return parts[parts.length - fromEnd];
  }

  private static void sleepABit() {
    try {
      Thread.sleep(50); // BigQuery holds a getQueryResults call open while the job runs
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void error(HttpExchange x, int code, String message) throws IOException {
    send(
        x,
        code,
        Map.of(
            "error",
            Map.of(
                "code",
                code,
                "message",
                message,
                "errors",
                List.of(Map.of("message", message, "domain", "global", "reason", "invalidQuery")),
                "status",
                "INVALID_ARGUMENT")));
  }

  private static void send(HttpExchange x, int code, Object body) throws IOException {
    byte[] bytes = JSON.writeValueAsBytes(body);
    x.getResponseHeaders().set("Content-Type", "application/json; charset=UTF-8");
    x.sendResponseHeaders(code, bytes.length);
    x.getResponseBody().write(bytes);
    x.close();
  }
}
