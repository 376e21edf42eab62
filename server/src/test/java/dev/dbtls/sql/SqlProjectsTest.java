package dev.dbtls.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbtls.index.Node;
import dev.dbtls.index.compile.CompiledNode;
import dev.dbtls.index.compile.NodeCompiler;
import dev.dbtls.index.compile.ProjectSnapshot;
import dev.dbtls.project.FileSource;
import dev.dbtls.project.Problem;
import dev.dbtls.testing.Fixture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No compiled node of the test projects gets a sql-syntax problem, in the project's own adapter and
 * in every other checked dialect whose SQL it is also valid in. Prints JSqlParser's parse time per
 * node (SqlSyntax itself parses only when a token check fired).
 */
class SqlProjectsTest {

  @Test
  void jaffleShopHasNoSqlSyntaxProblem() {
    check(load(repo().resolve("test-projects/jaffle_shop")), "jaffle_shop", List.of("duckdb"));
  }

  @Test
  void jaffleShopPostgresHasNoSqlSyntaxProblem() {
    check(
        load(repo().resolve("test-projects/jaffle_shop_postgres")),
        "jaffle_shop_postgres",
        List.of("postgres", "redshift"));
  }

  @Test
  void generatedProjectHasNoSqlSyntaxProblem(@TempDir Path tmp) throws Exception {
    Path out = tmp.resolve("gen");
    Process p;
    try {
      p =
          new ProcessBuilder(
                  "python3",
                  repo().resolve("test-projects/generate.py").toString(),
                  out.toString(),
                  "--models",
                  "300")
              .redirectErrorStream(true)
              .start();
    } catch (IOException e) {
      Assumptions.abort("no python3: " + e.getMessage());
      return;
    }
    p.getInputStream().readAllBytes();
    assertTrue(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0, "generate.py failed");
    check(load(out), "generated (300 models)", List.of("duckdb"));
  }

  private static void check(ProjectSnapshot s, String label, List<String> dialects) {
    NodeCompiler compiler = new NodeCompiler(s);
    List<String> found = new ArrayList<>();
    int checked = 0;
    long parseNanos = 0;
    long checkNanos = 0;
    long maxNanos = 0;
    int parsed = 0;
    for (Node n : s.manifest().nodes().values()) {
      if (!n.type().compiles()) {
        continue;
      }
      CompiledNode c = compiler.compile(n);
      for (String d : dialects) {
        long f0 = System.nanoTime();
        for (Problem p : SqlSyntax.find(c, d)) {
          found.add(d + ": " + p.format());
        }
        checkNanos += System.nanoTime() - f0;
      }
      if (c.failed() || c.sql().isBlank()) {
        continue;
      }
      for (String d : dialects) {
        // the token checks alone find nothing either: the parser is a second guard, not the only
        // one
        for (SqlDefect x : SqlDefects.find(c.sql(), SqlDialect.of(d).orElseThrow())) {
          found.add(d + ": token check alone: " + n.uniqueId() + ": " + x);
        }
      }
      checked++;
      long t0 = System.nanoTime();
      SqlParse.Outcome o = SqlParse.parse(c.sql(), SqlDialect.of(dialects.get(0)).orElseThrow());
      long t = System.nanoTime() - t0;
      parseNanos += t;
      maxNanos = Math.max(maxNanos, t);
      parsed += o.result() == SqlParse.Result.PARSED ? 1 : 0;
    }
    System.err.printf(
        "%s: %d nodes, JSqlParser accepts %d; parse %.2f ms/node on average,"
            + " %.1f ms at most (first parses include JIT warm-up); SqlSyntax %.3f ms/node%n",
        label,
        checked,
        parsed,
        parseNanos / 1e6 / Math.max(1, checked),
        maxNanos / 1e6,
        checkNanos / 1e6 / Math.max(1, checked) / dialects.size());
    assertTrue(checked >= 10, label + ": " + checked);
    assertEquals(List.of(), found);
  }

  static Path repo() {
    String root = System.getProperty("dbtls.repoRoot");
    return (root != null ? Path.of(root) : Path.of("..")).toAbsolutePath().normalize();
  }

  static ProjectSnapshot load(Path dir) {
    assertTrue(Files.isDirectory(dir), dir.toString());
    return ProjectSnapshot.load(dir, Fixture.profilesIn(dir), List.of(), FileSource.DISK);
  }
}
