package dev.dbtls.ide;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The order of a request's items: match rank, then group, then label, whatever order they came in.
 */
class CompletionItemsTest {

  private static List<String> labels(CompletionItems items) {
    return items.result().stream().map(CompletionItem::label).toList();
  }

  private static CompletionItems typed(String prefix, String... groupAndLabel) {
    CompletionItems items = new CompletionItems(prefix, 0, prefix.length());
    for (String g : groupAndLabel) {
      int group = g.charAt(0) - '0';
      String label = g.substring(2);
      items.addDistinct(label, CompletionKind.MODEL, group, null, null, label, false);
    }
    return items;
  }

  @Test
  void itemsGivenInGroupAndLabelOrderKeepItWithinEachRank() {
    // prefix matches first, then substring, then subsequence; each rank keeps the given order
    CompletionItems items =
        typed("stg", "0:dim_stg_x", "0:s_t_g", "0:stg_a", "0:stg_b", "1:other_stg", "1:stg_pkg");
    assertEquals(
        List.of("stg_a", "stg_b", "stg_pkg", "dim_stg_x", "other_stg", "s_t_g"), labels(items));
  }

  @Test
  void itemsGivenInAnyOrderAreSortedAsTheirSortText() {
    CompletionItems items = typed("", "1:zeta", "0:beta", "0:Alpha", "5:pkg", "0:gamma", "1:delta");
    List<CompletionItem> result = items.result();
    assertEquals(
        List.of("Alpha", "beta", "gamma", "delta", "zeta", "pkg"),
        result.stream().map(CompletionItem::label).toList());
    List<String> sortTexts = result.stream().map(CompletionItem::sortText).toList();
    assertEquals(sortTexts.stream().sorted().toList(), sortTexts);
  }
}
