package dev.dbtls.index.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbtls.index.Node;
import dev.dbtls.project.Problem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Golden compiled SQL of the healthy test projects, one test per node. Regenerate with {@code mvn
 * test -Dtest=CompileGoldenTest -Ddbtls.updateGolden=true} and review the diff.
 */
class CompileGoldenTest {
  private static final boolean UPDATE = Boolean.getBoolean("dbtls.updateGolden");

  @TestFactory
  Stream<DynamicTest> jaffleShop() {
    return golden("jaffle_shop");
  }

  @TestFactory
  Stream<DynamicTest> jaffleShopPostgres() {
    return golden("jaffle_shop_postgres");
  }

  /**
   * A package's own test project using it from its folder (never installed), swapping its source
   * through a var.
   */
  @TestFactory
  Stream<DynamicTest> revenueKitIntegrationTests() {
    return golden("revenue_kit/integration_tests");
  }

  /** Adapter folders enabled by target.type, YAML Jinja, var-driven enabled, old-style tests. */
  @TestFactory
  Stream<DynamicTest> multiAdapterShopOnDuckDb() {
    return golden("multi_adapter_shop", "dev", "multi_adapter_shop");
  }

  @TestFactory
  Stream<DynamicTest> multiAdapterShopOnPostgres() {
    return golden("multi_adapter_shop", "pg", "multi_adapter_shop_pg");
  }

  private Stream<DynamicTest> golden(String project) {
    return golden(project, null, project);
  }

  private Stream<DynamicTest> golden(String project, String target, String goldenName) {
    ProjectSnapshot snapshot = TestProjects.load(project, target);
    List<Problem> errors =
        snapshot.manifest().problems().stream().filter(Problem::isError).toList();
    NodeCompiler compiler = new NodeCompiler(snapshot);
    Path goldenDir =
        TestProjects.repoRoot().resolve("server/src/test/resources/golden").resolve(goldenName);
    List<DynamicTest> tests = new ArrayList<>();
    tests.add(
        DynamicTest.dynamicTest(
            "no errors loading " + project, () -> assertEquals(List.of(), errors)));
    snapshot.manifest().nodes().values().stream()
        .filter(n -> n.type().compiles())
        .sorted(java.util.Comparator.comparing(Node::uniqueId))
        .forEach(
            n ->
                tests.add(
                    DynamicTest.dynamicTest(
                        n.uniqueId(),
                        () -> {
                          CompiledNode c = compiler.compile(n);
                          assertFalse(c.failed(), () -> "compile failed: " + c.problems());
                          assertTrue(
                              c.problems().stream().noneMatch(Problem::isError),
                              () -> c.problems().toString());
                          Path file =
                              goldenDir
                                  .resolve(n.packageName())
                                  .resolve(
                                      n.file() == null
                                          ? n.originalFilePath() + "/" + n.name() + ".sql"
                                          : n.originalFilePath());
                          if (UPDATE) {
                            Files.createDirectories(file.getParent());
                            Files.writeString(file, c.sql(), StandardCharsets.UTF_8);
                          }
                          assertEquals(
                              read(file),
                              c.sql(),
                              "compiled SQL of " + n.uniqueId() + " differs from " + file);
                        })));
    return tests.stream();
  }

  private static String read(Path file) throws IOException {
    return Files.exists(file)
        ? Files.readString(file, StandardCharsets.UTF_8)
        : "<no golden file " + file + "; run with -Ddbtls.updateGolden=true>";
  }
}
