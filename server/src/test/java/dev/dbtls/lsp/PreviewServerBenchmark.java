package dev.dbtls.lsp;

import com.google.gson.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Preview of a 1M-row model through the real server (a benchmark, not a test): `./dbtls lsp` over
 * stdio, `dbt/preview` then `dbt/previewPage` to the end, on DuckDB and PostgreSQL. Reports the
 * time to the first page, the time to page through everything, and the server's peak resident
 * memory. Run by {@code test-projects/preview-benchmark.sh}.
 */
public final class PreviewServerBenchmark {
  private PreviewServerBenchmark() {}

  public static void main(String[] args) throws Exception {
    Path launcher = Path.of(args[0]).toAbsolutePath();
    Path dir = Files.createTempDirectory("dbtls-preview-bench");
    long rows = args.length > 1 ? Long.parseLong(args[1]) : 1_000_000;
    System.out.printf(
        Locale.ROOT,
        "| warehouse | rows | first page (500 rows) | all pages (5000 rows each) | server peak RSS |%n");
    System.out.println("|---|---|---|---|---|");
    run(launcher, duckdb(dir.resolve("duck"), rows), "DuckDB", rows);
    Path pg = postgres(dir.resolve("pg"), rows);
    if (pg != null) {
      try {
        run(launcher, pg, "PostgreSQL", rows);
      } finally {
        try (var c =
                java.sql.DriverManager.getConnection(
                    "jdbc:postgresql://127.0.0.1:5432/test", "postgres", "");
            var st = c.createStatement()) {
          st.execute("drop schema dbtls_bench cascade");
        }
      }
    }
  }

  private static void run(Path launcher, Path project, String name, long rows) throws Exception {
    String uri = project.resolve("models/big.sql").toUri().toString();
    try (LspClient lsp = LspClient.startCommand(project, List.of(launcher.toString(), "lsp"))) {
      lsp.request(
          "initialize",
          Map.of(
              "processId",
              ProcessHandle.current().pid(),
              "rootUri",
              project.toUri().toString(),
              "capabilities",
              Map.of()));
      lsp.notify("initialized", Map.of());
      lsp.request("dbt/preview", Map.of("uri", uri, "limit", 10)); // connect, warm up
      long t0 = System.nanoTime();
      JsonObject first =
          lsp.request("dbt/preview", Map.of("uri", uri, "limit", 0, "pageRows", 500))
              .getAsJsonObject();
      double firstMs = (System.nanoTime() - t0) / 1e6;
      if (first.has("error")) {
        throw new AssertionError(first.toString());
      }
      long seen = first.getAsJsonArray("rows").size();
      String cursor = first.has("cursor") ? first.get("cursor").getAsString() : null;
      while (cursor != null) {
        JsonObject page =
            lsp.request("dbt/previewPage", Map.of("cursor", cursor, "pageRows", 5000))
                .getAsJsonObject();
        seen += page.getAsJsonArray("rows").size();
        cursor = page.has("cursor") ? page.get("cursor").getAsString() : null;
      }
      double allMs = (System.nanoTime() - t0) / 1e6;
      if (seen != rows) {
        throw new AssertionError("read " + seen + " rows of " + rows);
      }
      System.out.printf(
          Locale.ROOT,
          "| %s | %,d | %.0f ms | %.1f s | %s |%n",
          name,
          rows,
          firstMs,
          allMs / 1000,
          peakRss(lsp.process()));
      lsp.request("shutdown", null);
      lsp.notify("exit", null);
    }
  }

  private static Path duckdb(Path dir, long rows) throws Exception {
    project(dir, "type: duckdb\n      path: big.duckdb\n");
    try (var c = java.sql.DriverManager.getConnection("jdbc:duckdb:" + dir.resolve("big.duckdb"));
        var st = c.createStatement()) {
      st.execute(
          "create table events as select i as id, 'event ' || i as name, i * 0.5 as amount,"
              + " timestamp '2024-01-01' + to_seconds(i) as at from range("
              + rows
              + ") t(i)");
    }
    return dir;
  }

  /** Null when PostgreSQL does not answer on 127.0.0.1:5432. */
  private static Path postgres(Path dir, long rows) throws Exception {
    try (var c =
            java.sql.DriverManager.getConnection(
                "jdbc:postgresql://127.0.0.1:5432/test", "postgres", "");
        var st = c.createStatement()) {
      st.execute("create schema if not exists dbtls_bench");
      st.execute("drop table if exists dbtls_bench.events");
      st.execute(
          "create table dbtls_bench.events as select i as id, 'event ' || i as name,"
              + " i * 0.5 as amount, timestamp '2024-01-01' + i * interval '1 second' as at"
              + " from generate_series(0, "
              + (rows - 1)
              + ") i");
    } catch (java.sql.SQLException e) {
      System.out.println("(PostgreSQL skipped: " + e.getMessage() + ")");
      return null;
    }
    project(
        dir,
        "type: postgres\n      host: 127.0.0.1\n      port: 5432\n      user: postgres\n"
            + "      password: ''\n      dbname: test\n      schema: dbtls_bench\n");
    return dir;
  }

  private static void project(Path dir, String output) throws Exception {
    Files.createDirectories(dir.resolve("models"));
    Files.writeString(dir.resolve("dbt_project.yml"), "name: bench\nprofile: bench\n");
    Files.writeString(
        dir.resolve("profiles.yml"),
        "bench:\n  target: dev\n  outputs:\n    dev:\n      " + output);
    Files.writeString(
        dir.resolve("models/sources.yml"),
        "version: 2\nsources:\n  - name: raw\n"
            + "    schema: "
            + (output.contains("postgres") ? "dbtls_bench" : "main")
            + "\n    tables:\n      - name: events\n");
    Files.writeString(
        dir.resolve("models/big.sql"), "select * from {{ source('raw', 'events') }}\n");
  }

  private static String peakRss(Process server) {
    long pid =
        server
            .descendants()
            .filter(h -> h.info().command().orElse("").endsWith("java"))
            .map(ProcessHandle::pid)
            .findFirst()
            .orElse(server.pid());
    try {
      for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
        if (line.startsWith("VmHWM:")) {
          return Long.parseLong(line.replaceAll("\\D", "")) / 1024 + " MB";
        }
      }
    } catch (Exception e) {
      return "unknown";
    }
    return "unknown";
  }
}
