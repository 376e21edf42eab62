package dev.dbtls.ide;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbtls.project.Span;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Vars defined in vars.yml (dbt 1.12) are completed, hovered and navigated to like any other. */
class VarsYmlNavigationTest {
  private static final String PROJECT =
      """
      -- file: vars.yml
      vars:
        start_date: '2020-01-01'
        shop:
          region: eu
      """;

  @Test
  void definitionGoesToTheKeyInVarsYml() {
    NavFixture f = NavFixture.of(PROJECT + "-- file: models/x.sql\nselect {{ var('reg$0ion') }}\n");
    assertEquals(
        List.of(new Location("vars.yml", new Span(3, 4, 3, 10))),
        f.analysis().definition(f.cursor()));
    f = NavFixture.of(PROJECT + "-- file: models/x.sql\nselect {{ var('start$0_date') }}\n");
    assertEquals(
        List.of(new Location("vars.yml", new Span(1, 2, 1, 12))),
        f.analysis().definition(f.cursor()));
  }

  @Test
  void hoverSaysTheValueAndWhereItIsSet() {
    NavFixture f = NavFixture.of(PROJECT + "-- file: models/x.sql\nselect {{ var('reg$0ion') }}\n");
    String md = f.analysis().hover(f.cursor()).orElseThrow().markdown();
    assertTrue(md.contains("eu") && md.contains("vars.yml"), md);
  }

  @Test
  void completionOffersVarsYmlsVars() {
    NavFixture f = NavFixture.of(PROJECT + "-- file: models/x.sql\nselect {{ var('$0') }}\n");
    List<String> labels =
        f.analysis().completion(f.cursor()).stream().map(CompletionItem::label).toList();
    assertTrue(labels.containsAll(List.of("start_date", "region")), labels.toString());
  }
}
