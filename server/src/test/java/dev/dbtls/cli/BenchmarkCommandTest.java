package dev.dbtls.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code dbtls benchmark} on a real DuckDB file: the model against its git HEAD version. */
class BenchmarkCommandTest {
  @Test
  void theFileAgainstItsCommittedVersion(@TempDir Path dir) throws Exception {
    Path project = CliTest.duckdbProject(dir.resolve("shop"));
    dev.dbtls.testing.Git.run(project, "init", "-q");
    dev.dbtls.testing.Git.run(project, "add", ".");
    dev.dbtls.testing.Git.run(project, "commit", "-q", "-m", "first");
    Files.writeString(
        project.resolve("models/doubled.sql"),
        "select id from {{ source('raw', 'orders') }} where id <= 10\n");
    CliRun r =
        CliRun.of(
            "benchmark",
            "--project-dir",
            project.toString(),
            "-s",
            "doubled",
            "--compare",
            "head",
            "--warmups",
            "0",
            "--runs",
            "5",
            "--format",
            "json",
            "--no-store");
    assertEquals(0, r.exit(), r.err());
    assertTrue(r.err().contains("benchmark of model doubled: buffer vs git HEAD"), r.err());
    JsonNode json = new ObjectMapper().readTree(r.out());
    JsonNode variants = json.path("result").path("variants");
    assertEquals("git HEAD", variants.path(0).path("variant").path("label").asText());
    assertEquals(100, variants.path(0).path("stats").path("rows").asLong(), "HEAD reads every row");
    assertEquals(10, variants.path(1).path("stats").path("rows").asLong(), "the file as it is now");
    assertEquals(5, variants.path(1).path("stats").path("runs").asInt());
    assertEquals(
        "buffer", json.path("result").path("comparisons").path(0).path("variant").asText());
    assertEquals(-1, json.path("storedId").asInt());

    CliRun adHoc =
        CliRun.of(
            "benchmark",
            "--project-dir",
            project.toString(),
            "--sql",
            "select 1",
            "--compare",
            "head");
    assertEquals(1, adHoc.exit());
    assertTrue(
        adHoc
            .err()
            .contains(
                "benchmark-no-variant: comparing with the committed version"
                    + " needs a model, not ad-hoc SQL"),
        adHoc.err());
    CliRun write =
        CliRun.of(
            "benchmark",
            "--project-dir",
            project.toString(),
            "--sql",
            "delete from orders",
            "--runs",
            "5");
    assertEquals(1, write.exit());
    assertTrue(write.err().contains("never statements that write"), write.err());
    CliRun badRuns =
        CliRun.of("benchmark", "--project-dir", project.toString(), "-s", "doubled", "--runs", "0");
    assertEquals(2, badRuns.exit());
  }
}
