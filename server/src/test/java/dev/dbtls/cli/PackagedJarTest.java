package dev.dbtls.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dbtls.warehouse.GoogleKeys;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged server jar as users run it ({@code java -jar target/dbtls.jar}), after the build
 * made it (Maven's verify phase): a bigquery target's engine and Google's client library come out
 * of the jar's nested jars into the driver cache, are loaded by their own class loader, and sign in
 * as far as the network — where, with no Google to reach here, the preview fails in one line naming
 * the target; a redshift target's IAM sign-in does the same with Redshift's driver and the AWS SDK
 * bundled beside it. The classes-folder tests cannot show this: there the jars are plain files.
 */
@Tag("packaged")
class PackagedJarTest {
  @TempDir Path dir;

  private static Path jar() {
    Path jar = Path.of("target", "dbtls.jar").toAbsolutePath();
    assertTrue(Files.isRegularFile(jar), jar + " is built before this test runs");
    return jar;
  }

  @Test
  void aBigQueryPreviewLoadsTheBundledEngineAndStopsAtTheNetwork() throws Exception {
    Path project = project("bq");
    Files.writeString(
        project.resolve("key.json"),
        new ObjectMapper().writeValueAsString(GoogleKeys.serviceAccount()));
    Files.writeString(
        project.resolve("profiles.yml"),
        """
        bq:
          target: dev
          outputs:
            dev:
              type: bigquery
              method: service-account
              keyfile: key.json
              project: acme-analytics
              dataset: dbt_ana
              connect_timeout: 3
        """);
    Path cache = dir.resolve("cache");
    String out = preview(project, cache);
    List<String> lines = out.lines().filter(l -> !l.isBlank()).toList();
    assertEquals(1, lines.size(), out);
    assertTrue(
        lines
            .get(0)
            .startsWith(
                "error warehouse-connect: cannot connect to bigquery target 'dev' at"
                    + " acme-analytics.dbt_ana: "),
        out);
    assertFalse(out.contains("cannot be loaded"), out);
    assertFalse(out.contains("PRIVATE KEY"), out);
    assertEquals(jarsIn("bigquery"), jarsIn(cache.resolve("dbtls/drivers")));
  }

  @Test
  void aRedshiftIamSignInLoadsTheBundledAwsSdkAndStopsAtTheNetwork() throws Exception {
    Path project = project("rs");
    Files.writeString(
        project.resolve("profiles.yml"),
        """
        rs:
          target: dev
          outputs:
            dev:
              type: redshift
              method: iam
              host: analytics.abc123.eu-west-1.redshift.amazonaws.com
              dbname: analytics
              user: ana
              cluster_id: analytics
              region: eu-west-1
              access_key_id: AKIAEXAMPLEKEY
              secret_access_key: CANARY-aws-secret-9931
              connect_timeout: 3
        """);
    Path cache = dir.resolve("cache");
    String out = preview(project, cache);
    List<String> lines = out.lines().filter(l -> !l.isBlank()).toList();
    assertEquals(1, lines.size(), out);
    assertTrue(
        lines
            .get(0)
            .startsWith(
                "error warehouse-connect: cannot connect to redshift target 'dev' at"
                    + " analytics.abc123.eu-west-1.redshift.amazonaws.com:5439/analytics: "),
        out);
    assertFalse(out.contains("needs the class"), "the AWS SDK came out of the jar: " + out);
    assertFalse(out.contains("CANARY"), out);
    assertEquals(jarsIn("redshift"), jarsIn(cache.resolve("dbtls/drivers")));
  }

  /** A project of one model, {@code one}, whose profile is {@code profile}. */
  private Path project(String profile) throws IOException {
    Path project = dir.resolve("shop");
    Files.createDirectories(project.resolve("models"));
    Files.writeString(
        project.resolve("dbt_project.yml"), "name: shop\nprofile: " + profile + "\nversion: '1'\n");
    Files.writeString(project.resolve("models/one.sql"), "select 1 as one\n");
    return project;
  }

  /** {@code java -jar dbtls.jar preview -s one} in the project, with its own driver cache. */
  private static String preview(Path project, Path cache) throws Exception {
    ProcessBuilder pb =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                jar().toString(),
                "preview",
                "--profiles-dir",
                ".",
                "-s",
                "one")
            .directory(project.toFile())
            .redirectErrorStream(true);
    pb.environment().put("XDG_CACHE_HOME", cache.toString());
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), out);
    return out;
  }

  /** The engine's jars: as listed in the packaged jar's index, or as copied into a folder. */
  private static List<String> jarsIn(Object where) throws IOException {
    if (where instanceof Path folder) {
      try (Stream<Path> files = Files.list(folder)) {
        return files
            .map(f -> f.getFileName().toString())
            .filter(n -> n.endsWith(".jar"))
            .sorted()
            .toList();
      }
    }
    Path index = Path.of("target", "classes", "dbtls-drivers", where + "", "jars.txt");
    return Stream.of(Files.readString(index).split("[,\\s]+"))
        .filter(n -> !n.isBlank())
        .map(n -> n.substring(n.lastIndexOf('/') + 1))
        .sorted()
        .toList();
  }
}
