package dev.dbtls.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * {@code dbtls ls} on a project of every resource type dbt 1.12 lists (test-projects/dbt112_shop: a
 * function, semantic models, metrics, a saved query, a snapshot defined in YAML, a unit test),
 * against golden files: the default selector lines, {@code --resource-type all} by name, and JSON
 * with dbt's keys. Regenerate with {@code -Ddbtls.updateGolden=true} and review the diff.
 */
class LsGoldenTest {
  private static final boolean UPDATE = Boolean.getBoolean("dbtls.updateGolden");
  private static final Path ROOT = Path.of(System.getProperty("dbtls.repoRoot", ".."));
  private static final Path PROJECT =
      ROOT.resolve("test-projects/dbt112_shop").toAbsolutePath().normalize();
  private static final Path GOLDEN = Path.of("src/test/resources/golden/ls");

  private static void golden(String name, String... args) throws IOException {
    String[] all = new String[args.length + 5];
    all[0] = "ls";
    all[1] = "--project-dir";
    all[2] = PROJECT.toString();
    all[3] = "--profiles-dir";
    all[4] = PROJECT.toString();
    System.arraycopy(args, 0, all, 5, args.length);
    CliRun r = CliRun.of(all);
    assertEquals(0, r.exit(), r.err());
    assertEquals("", r.err());
    Path file = GOLDEN.resolve(name);
    if (UPDATE) {
      Files.createDirectories(file.getParent());
      Files.writeString(file, r.out());
    }
    assertEquals(Files.readString(file), r.out());
  }

  @Test
  void selectorsOfEveryListedType() throws IOException {
    golden("dbt112_shop.txt");
  }

  @Test
  void allTypesByName() throws IOException {
    golden("dbt112_shop-all-names.txt", "--resource-type", "all", "--output", "name");
  }

  @Test
  void jsonOfTheNewResourceTypes() throws IOException {
    golden(
        "dbt112_shop.jsonl",
        "--resource-type",
        "function",
        "--resource-type",
        "semantic_model",
        "--resource-type",
        "metric",
        "--resource-type",
        "saved_query",
        "--resource-type",
        "snapshot",
        "--output",
        "json");
  }

  @Test
  void excludeResourceType() throws IOException {
    golden(
        "dbt112_shop-exclude.txt",
        "--exclude-resource-type",
        "test",
        "--exclude-resource-type",
        "metric",
        "--exclude-resource-type",
        "unit_test");
  }
}
