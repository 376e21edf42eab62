package dev.dbtls.project.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class SchemaKeysTest {
  private static List<String> names(DbtSchema schema, List<Object> path) {
    return SchemaKeys.keysAt(schema, path).stream().map(SchemaKeys.Key::name).toList();
  }

  @Test
  void keysOfAModelEntryAndItsConfig() {
    List<String> model = names(DbtSchema.PROPERTIES, List.of("models", 0));
    assertTrue(model.containsAll(List.of("name", "description", "columns", "config", "versions")));
    List<String> config = names(DbtSchema.PROPERTIES, List.of("models", 3, "config"));
    assertTrue(
        config.containsAll(List.of("materialized", "meta", "tags", "on_error")), config::toString);
  }

  @Test
  void projectConfigTreesTakePlusKeysAtEveryFolderDepth() {
    List<String> folder = names(DbtSchema.PROJECT, List.of("models", "shop", "staging", "x"));
    assertTrue(folder.containsAll(List.of("+materialized", "+schema", "+meta")), folder::toString);
  }

  @Test
  void descriptionsComeFromThePropertyOrWhatItRefersTo() {
    assertEquals(
        "List of named selectors that may later be referenced with `dbt run --selector <name>`.",
        SchemaKeys.description(DbtSchema.SELECTORS, List.of(), "selectors"));
    assertNull(SchemaKeys.description(DbtSchema.SELECTORS, List.of(), "nothing"));
  }

  @Test
  void aPathOutsideTheSchemaHasNoKeys() {
    assertEquals(List.of(), names(DbtSchema.PROPERTIES, List.of("nothing", 0, "deeper")));
  }
}
