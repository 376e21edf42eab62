package dev.dbtls.ide;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbtls.project.Span;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A model in {@code .sql.j2} (dbt 1.12's Jinja file extensions) gets the editor's SQL features. */
class JinjaSuffixFilesTest {
  private static final String PROJECT =
      """
      -- file: dbt_project.yml
      name: shop
      profile: shop
      flags:
        allow_jinja_file_extensions: true
      -- file: models/stg_orders.sql.j2
      select 1 as id
      """;

  @Test
  void refCompletesAndNavigatesFromAndToSuffixedFiles() {
    NavFixture f =
        NavFixture.of(
            PROJECT + "-- file: models/orders.sql.jinja\nselect * from {{ ref('stg_$0') }}\n");
    List<String> labels =
        f.analysis().completion(f.cursor()).stream().map(CompletionItem::label).toList();
    assertTrue(labels.contains("stg_orders"), labels.toString());
    f =
        NavFixture.of(
            PROJECT
                + "-- file: models/orders.sql.jinja\nselect * from {{ ref('stg_or$0ders') }}\n");
    assertEquals(
        List.of(new Location("models/stg_orders.sql.j2", new Span(0, 0, 0, 0))),
        f.analysis().definition(f.cursor()));
  }
}
