package dev.dbtls.ide;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dbtls.index.compile.ProjectSnapshot;
import dev.dbtls.project.ProjectInputs;
import dev.dbtls.testing.Fixture;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** selectors.yml: the file's other selectors offered where a selector is referred to. */
class SelectorsCompletionTest {
  private static List<String> labels(String selectors) {
    Fixture f =
        Fixture.of(
            "-- file: dbt_project.yml\nname: shop\nprofile: shop\n"
                + "-- file: models/a.sql\nselect 1\n-- file: selectors.yml\n"
                + selectors);
    ProjectSnapshot s =
        ProjectSnapshot.load(
            Fixture.ROOT,
            new ProjectInputs.Options(null, null, null, Map.of(), Map.of("HOME", "/x")),
            List.of(),
            f,
            false);
    List<CompletionItem> items =
        Completion.find(s, "selectors.yml", f.text("selectors.yml"), f.cursorOffset());
    return items.stream().map(CompletionItem::label).sorted().toList();
  }

  @Test
  void namesAfterSelectorAndAfterValueOfMethodSelector() {
    String head =
        """
        selectors:
          - name: nightly
            definition: 'tag:nightly'
          - name: daily_models
            definition: 'tag:daily'
          - name: mine
            definition:
              union:
        """;
    assertEquals(List.of("daily_models", "nightly"), labels(head + "        - selector: $0\n"));
    assertEquals(List.of("daily_models"), labels(head + "        - selector: da$0\n"));
    assertEquals(
        List.of("daily_models", "nightly"),
        labels(head + "        - method: selector\n          value: $0\n"));
    assertEquals(List.of(), labels(head + "        - method: tag\n          value: $0\n"));
  }
}
