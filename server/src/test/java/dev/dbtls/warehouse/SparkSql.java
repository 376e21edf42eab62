package dev.dbtls.warehouse;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Apache Spark in local mode (test-projects/spark/spark-sql.sh), which Databricks runs: a batch of
 * statements in one Spark session, each answering its rows as text or its error. The tests that use
 * it skip when Spark cannot run here, and fail instead under {@code .ci/run}, as the database tests
 * do.
 */
final class SparkSql {
  private SparkSql() {}

  /** What one statement answered. */
  record Answer(List<String> columns, List<List<String>> rows, String error) {
    /** The single text value of an {@code explain formatted}. */
    String text() {
      if (error != null) {
        throw new AssertionError("Spark refused it: " + error);
      }
      return rows.get(0).get(0);
    }
  }

  static List<Answer> run(Path dir, List<String> statements) throws Exception {
    Path script =
        Path.of(
                System.getProperty("dbtls.repoRoot", ".."),
                "test-projects",
                "spark",
                "spark-sql.sh")
            .toAbsolutePath()
            .normalize();
    Path in = dir.resolve("in.json");
    Path out = dir.resolve("out.json");
    Path log = dir.resolve("spark.log");
    ObjectMapper json = new ObjectMapper();
    Files.writeString(in, json.writeValueAsString(statements));
    String why;
    try {
      Process p =
          new ProcessBuilder(
                  "bash",
                  script.toString(),
                  in.toString(),
                  out.toString(),
                  dir.resolve("wh").toString())
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .start();
      boolean ended = p.waitFor(15, TimeUnit.MINUTES);
      if (!ended) {
        p.destroyForcibly();
      }
      why =
          !ended
              ? "Spark did not end within 15 minutes"
              : p.exitValue() != 0 || !Files.isRegularFile(out)
                  ? "spark-sql.sh exited " + p.exitValue() + ": " + tail(log)
                  : null;
    } catch (IOException e) {
      why = "spark-sql.sh cannot run: " + e.getMessage();
    }
    if (why != null) {
      if (System.getenv("DBTLS_REQUIRE_DATABASES") != null) {
        fail(why);
      }
      assumeTrue(false, why);
    }
    List<Answer> answers = new ArrayList<>();
    for (JsonNode a : json.readTree(out.toFile())) {
      List<String> columns = new ArrayList<>();
      a.path("columns").forEach(c -> columns.add(c.asText()));
      List<List<String>> rows = new ArrayList<>();
      for (JsonNode r : a.path("rows")) {
        List<String> row = new ArrayList<>();
        r.forEach(v -> row.add(v.isNull() ? null : v.asText()));
        rows.add(row);
      }
      answers.add(
          new Answer(columns, rows, a.hasNonNull("error") ? a.get("error").asText() : null));
    }
    return answers;
  }

  private static String tail(Path log) throws IOException {
    List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
  }
}
