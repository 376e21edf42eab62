package dev.dbtls.warehouse;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;

/**
 * The Trino server of test-projects/trino/trino-server.sh, for the Trino tests: they skip when it
 * does not answer, and fail instead under {@code .ci/run} (which starts it), as the PostgreSQL
 * tests do. Its queries are read back from Trino's own {@code system.runtime.queries}, through the
 * bundled driver.
 */
public final class TrinoServer {
  private TrinoServer() {}

  public static int port() {
    String p = System.getenv("TRINO_PORT");
    return p == null || p.isBlank() ? 18080 : Integer.parseInt(p.strip());
  }

  /** Skips the test when the server does not answer; fails under CI. */
  public static void require() {
    boolean required = System.getenv("DBTLS_REQUIRE_DATABASES") != null;
    boolean up = answers();
    // .ci/run starts the server in the background while the build compiles: give it time
    for (int i = 0; !up && required && i < 360; i++) {
      try {
        Thread.sleep(500);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
      up = answers();
    }
    if (!up && required) {
      fail(
          "no Trino server on 127.0.0.1:"
              + port()
              + " (test-projects/trino/trino-server.sh start)");
    }
    assumeTrue(up, "no Trino server on 127.0.0.1:" + port());
  }

  static boolean answers() {
    try {
      HttpResponse<String> r =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port() + "/v1/info"))
                      .timeout(Duration.ofSeconds(2))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      return r.statusCode() == 200 && r.body().contains("\"starting\":false");
    } catch (java.io.IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** Runs each statement, in order, through the bundled driver. */
  public static void exec(java.util.List<String> statements) throws SQLException {
    try (Connection c = connect();
        Statement s = c.createStatement()) {
      for (String sql : statements) {
        s.execute(sql);
      }
    }
  }

  /** A plain connection through the bundled driver, outside dbtls's pool. */
  static Connection connect() throws SQLException {
    ConnectionSpec spec =
        TrinoTarget.spec(
            new TargetFields(
                Databases.target(
                    "probe",
                    "type",
                    "trino",
                    "host",
                    "127.0.0.1",
                    "port",
                    port(),
                    "user",
                    "dbtls_probe",
                    "database",
                    "system",
                    "schema",
                    "runtime"),
                Path.of(".")));
    return spec.driver().connect(spec.url(), spec.properties());
  }

  /** The state of the newest query whose text holds {@code marker}, with its error, or null. */
  static String state(String marker) throws SQLException {
    try (Connection c = connect();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "select state, coalesce(error_code, '') from system.runtime.queries where query"
                    + " like '%"
                    + marker
                    + "%' and query not like '%system.runtime.queries%' order by created desc"
                    + " limit 1")) {
      return rs.next() ? (rs.getString(1) + " " + rs.getString(2)).strip() : null;
    }
  }

  /** Waits until the query with {@code marker} runs in Trino (at most 30 s). */
  static void awaitRunning(String marker) throws Exception {
    await(marker, Map.of("RUNNING", true), "running");
  }

  /** Waits until the query with {@code marker} has ended, and says how. */
  static String awaitEnded(String marker) throws Exception {
    return await(marker, Map.of("FINISHED", true, "FAILED", true), "ended");
  }

  private static String await(String marker, Map<String, Boolean> states, String what)
      throws Exception {
    long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    String last = null;
    while (System.nanoTime() < until) {
      last = state(marker);
      if (last != null && states.containsKey(last.split(" ")[0])) {
        return last;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("the query " + marker + " was not " + what + " in 30 s: " + last);
  }
}
