package dev.dbtls.ide;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbtls.index.compile.ProjectSnapshot;
import dev.dbtls.testing.Fixture;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code ref('} on more names than a list shows: the request stops once the rest could only come
 * after what it has, and what it lists first is what listing every name would list first.
 */
class RefCompletionManyNamesTest {
  private static final int MODELS = 3000;

  private static String project() {
    StringBuilder b = new StringBuilder("-- file: dbt_project.yml\nname: shop\nprofile: shop\n");
    for (int i = 0; i < MODELS; i++) {
      b.append(String.format("-- file: models/m_%04d.sql\nselect %d as id\n", i, i));
    }
    b.append("-- file: models/x_m_sub.sql\nselect 1 as id\n"); // m_ inside: a substring match
    b.append("-- file: dbt_packages/utils/dbt_project.yml\nname: utils\n");
    b.append("-- file: dbt_packages/utils/models/aaa_util.sql\nselect 1 as id\n");
    b.append("-- file: dbt_packages/utils/models/m_util.sql\nselect 1 as id\n");
    return b.toString();
  }

  private static List<String> complete(String typed) {
    Fixture f =
        Fixture.of(
            project() + "-- file: models/here.sql\nselect * from {{ ref('" + typed + "$0')}}\n");
    ProjectSnapshot s = f.snapshot();
    String path = "models/here.sql";
    return Analysis.strict(s)
        .completion(new Analysis.Cursor(path, f.text(path), f.cursorOffset()))
        .stream()
        .filter(i -> i.kind() == CompletionKind.MODEL)
        .map(CompletionItem::label)
        .toList();
  }

  /** Every matching name in sortText order: match rank, then the root's before the package's. */
  private static List<String> allInOrder(String typed) {
    List<String[]> all = new ArrayList<>();
    for (int i = 0; i < MODELS; i++) {
      all.add(new String[] {"0", String.format("m_%04d", i)});
    }
    all.add(new String[] {"0", "x_m_sub"});
    all.add(new String[] {"1", "aaa_util"});
    all.add(new String[] {"1", "m_util"});
    return all.stream()
        .filter(g -> rank(g[1], typed) >= 0)
        .sorted(
            java.util.Comparator.<String[]>comparingInt(g -> rank(g[1], typed))
                .thenComparing(g -> g[0])
                .thenComparing(g -> g[1]))
        .map(g -> g[1])
        .toList();
  }

  /** Prefix 0, substring 1, subsequence 2, else -1: how completion ranks a match. */
  private static int rank(String name, String typed) {
    if (name.startsWith(typed)) {
      return 0;
    }
    if (name.indexOf(typed, 1) > 0) {
      return 1;
    }
    int j = 0;
    for (int i = 0; i < name.length() && j < typed.length(); i++) {
      if (name.charAt(i) == typed.charAt(j)) {
        j++;
      }
    }
    return j == typed.length() ? 2 : -1;
  }

  @Test
  void nothingTypedListsTheFirstNamesAsAFullListWouldAndStopsAfterEnough() {
    List<String> got = complete("");
    assertTrue(got.size() > CompletionItems.ENOUGH, "more than a list shows: " + got.size());
    assertTrue(got.size() < MODELS, "stopped early: " + got.size());
    List<String> all = allInOrder("");
    assertEquals(all.subList(0, CompletionItems.ENOUGH), got.subList(0, CompletionItems.ENOUGH));
  }

  @Test
  void aPrefixWithManyRootMatchesLooksOnlyAtThoseAndListsThemFirst() {
    List<String> got = complete("m_");
    assertTrue(got.size() > CompletionItems.ENOUGH);
    assertEquals(
        allInOrder("m_").subList(0, CompletionItems.ENOUGH),
        got.subList(0, CompletionItems.ENOUGH));
    assertTrue(!got.contains("x_m_sub") || got.indexOf("x_m_sub") >= CompletionItems.ENOUGH);
  }

  @Test
  void aPrefixWithFewMatchesListsEveryMatchOfRootAndPackages() {
    for (String typed : List.of("m_001", "aaa", "util", "m_2999", "sub")) {
      assertEquals(allInOrder(typed), complete(typed), typed);
    }
  }
}
