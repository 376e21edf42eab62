package dev.dbtls.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A canary password in profiles.yml, under an alias, inside a URL: searched in everything a user
 * can see — compile's stdout, stderr and files, preview's answer — and in the store, where every
 * preview is recorded.
 */
class SecretsCliTest {
  private static final String CANARY = "CANARY7719";

  @Test
  void theCanaryIsNowhere(@TempDir Path dir) throws Exception {
    Path p = dir.resolve("shop");
    Files.createDirectories(p.resolve("models"));
    Files.writeString(p.resolve("dbt_project.yml"), "name: shop\nprofile: shop\n");
    Files.writeString(
        p.resolve("profiles.yml"),
        """
        shop:
          target: dev
          outputs:
            dev:
              type: duckdb
              path: shop.duckdb
              pass: %1$s_a
              extra_url: "https://me:%1$s_b@example.invalid/x?token=%1$s_c"
        """
            .formatted(CANARY));
    Files.writeString(
        p.resolve("models/a.sql"),
        "select '{{ target.get('pass') }}|{{ target.extra_url }}' as t\n");
    Path out = dir.resolve("out");
    CliRun compile =
        CliRun.of(
            "compile",
            "--project-dir",
            p.toString(),
            "--profiles-dir",
            p.toString(),
            "--output-dir",
            out.toString());
    assertEquals(0, compile.exit(), compile.err());
    assertTrue(
        compile.out().contains("https://me:****@example.invalid/x?token=****"), compile.out());
    CliRun preview =
        CliRun.of(
            "preview",
            "--project-dir",
            p.toString(),
            "--profiles-dir",
            p.toString(),
            "-s",
            "a",
            "--format",
            "csv");
    assertEquals(0, preview.exit(), preview.err());
    CliRun adHoc =
        CliRun.of(
            "preview",
            "--project-dir",
            p.toString(),
            "--profiles-dir",
            p.toString(),
            "--sql",
            "select '{{ target.pass }}{{ target.extra_url }}' as x",
            "--format",
            "json");
    assertEquals(0, adHoc.exit(), adHoc.err());
    for (CliRun r : new CliRun[] {compile, preview, adHoc}) {
      assertFalse(r.out().contains(CANARY) || r.err().contains(CANARY), r.out() + r.err());
    }
    assertNowhereUnder(out);
    Path store = Path.of(System.getProperty("dbtls.store", dir.resolve("none").toString()));
    assertNowhereUnder(store.getParent());
  }

  private static void assertNowhereUnder(Path folder) throws IOException {
    if (folder == null || !Files.isDirectory(folder)) {
      return;
    }
    try (Stream<Path> files = Files.walk(folder)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        String bytes = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
        assertFalse(bytes.contains(CANARY), "the canary is in " + f);
      }
    }
  }
}
