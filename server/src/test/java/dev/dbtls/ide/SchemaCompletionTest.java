package dev.dbtls.ide;

import static dev.dbtls.ide.FeatureChecks.checkHover;
import static dev.dbtls.ide.FeatureChecks.checkNoHover;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbtls.index.compile.ProjectSnapshot;
import dev.dbtls.project.ProjectInputs;
import dev.dbtls.testing.Fixture;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Completion and hover from dbt's JSON schemas where the hand-written vocabulary has nothing: each
 * case a mini project with a {@code $0} cursor.
 */
class SchemaCompletionTest {
  private static final String PROJECT =
      """
      -- file: dbt_project.yml
      name: shop
      profile: shop
      -- file: models/orders.sql
      select 1 as id
      """;

  private static List<CompletionItem> complete(String files) {
    Fixture f = Fixture.of(PROJECT + files);
    ProjectSnapshot s =
        ProjectSnapshot.load(
            Fixture.ROOT,
            new ProjectInputs.Options(null, null, null, Map.of(), Map.of("HOME", "/x")),
            List.of(),
            f,
            false);
    String path = Fixture.ROOT.relativize(f.cursorFile()).toString();
    int offset = f.cursorOffset();
    List<CompletionItem> items = Completion.find(s, path, f.text(path), offset);
    for (CompletionItem i : items) {
      assertTrue(i.replaceStart() <= offset && i.replaceEnd() == offset, i.toString());
    }
    return items;
  }

  private static List<String> labels(List<CompletionItem> items) {
    return items.stream().map(CompletionItem::label).toList();
  }

  private static CompletionItem item(List<CompletionItem> items, String label) {
    return items.stream()
        .filter(i -> i.label().equals(label))
        .findFirst()
        .orElseThrow(() -> new AssertionError(label + " not in " + labels(items)));
  }

  @Test
  void packagesYamlKeysComeWithTheSchemasDescriptions() {
    List<CompletionItem> items =
        complete(
            """
            -- file: packages.yml
            packages:
              - git: "https://github.com/dbt-labs/dbt-utils.git"
                $0
            """);
    assertEquals(List.of("revision", "subdirectory", "warn-unpinned"), labels(items));
    assertEquals(
        "Revision to check out: a tag, branch, or commit SHA.",
        item(items, "revision").documentation());
    assertEquals("revision: ", item(items, "revision").insertText());
  }

  @Test
  void aModelConfigGetsTheKeysTheVocabularyLacks() {
    List<CompletionItem> items =
        complete(
            """
            -- file: models/schema.yml
            version: 2
            models:
              - name: orders
                config:
                  syn$0
            """);
    CompletionItem sync = item(items, "sync");
    assertEquals("Schema synchronization configuration", sync.documentation());
    assertEquals("dbt JSON schema", sync.detail());
  }

  @Test
  void theTopOfDbtProjectGetsItsKeys() {
    List<CompletionItem> items =
        complete(
            """
            -- file: models/other.sql
            select 1 as x
            -- file: dbt_project.yml
            name: shop
            profile: shop
            $0
            """);
    assertTrue(
        labels(items).containsAll(List.of("model-paths", "seed-paths", "vars", "flags")),
        labels(items)::toString);
    assertFalse(labels(items).contains("name"), "name is written already");
  }

  @Test
  void folderConfigsOfDbtProjectIncludeTheSchemasPlusKeys() {
    List<CompletionItem> items =
        complete(
            """
            -- file: models/other.sql
            select 1 as x
            -- file: dbt_project.yml
            name: shop
            profile: shop
            models:
              shop:
                +syn$0
            """);
    assertEquals("Schema synchronization configuration", item(items, "+sync").documentation());
  }

  @Test
  void enumeratedValuesComeFromTheSchema() {
    List<CompletionItem> items =
        complete(
            """
            -- file: selectors.yml
            selectors:
              - name: nightly
                definition:
                  method: tag
                  value: nightly
                  indirect_selection: $0
            """);
    assertEquals(List.of("buildable", "cautious", "eager", "empty"), labels(items));
  }

  @Test
  void selectorsYamlKeys() {
    List<CompletionItem> items =
        complete(
            """
            -- file: selectors.yml
            selectors:
              - name: nightly
                $0
            """);
    assertEquals(List.of("default", "definition", "description"), labels(items));
    assertEquals(
        "Either a bare CLI string or a full YAML expression tree.",
        item(items, "definition").documentation());
  }

  @Test
  void hoverOnAKeyShowsTheSchemasDescription() {
    checkHover(
        """
        -- file: packages.yml
        packages:
          - git: "https://github.com/dbt-labs/dbt-utils.git"
            revi$0sion: 1.3.0
        """,
        "**property** `revision`",
        "Revision to check out: a tag, branch, or commit SHA.");
  }

  @Test
  void hoverOnAConfigKeyOfDbtProjectShowsItsConfigDoc() {
    checkHover(
        """
        -- file: dbt_project.yml
        name: shop
        profile: shop
        models:
          shop:
            +materia$0lized: table
        """,
        "**config** `+materialized`");
  }

  @Test
  void noHoverOnAKeyNobodyDescribes() {
    checkNoHover(
        """
        -- file: packages.yml
        packages:
          - package: dbt-labs/dbt_utils
            version: 1.3.0
        fo$0o: 1
        """);
  }
}
