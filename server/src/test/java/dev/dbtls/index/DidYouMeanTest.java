package dev.dbtls.index;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The fast candidate search agrees with the plain distance. */
class DidYouMeanTest {

  @Test
  void candidatesAreTheClosestNamesInOrder() {
    List<String> known = List.of("stg_orders", "stg_order_items", "stg_ordes", "customers");
    assertEquals(List.of("stg_ordes", "stg_orders"), DidYouMean.candidates("stg_orde", known, 3));
    assertEquals(List.of("stg_ordes"), DidYouMean.candidates("stg_orde", known, 1));
    assertEquals(List.of(), DidYouMean.candidates("zzzzzzzz", known, 3));
    assertEquals(List.of("stg_ordes"), DidYouMean.candidates("stg_orders", known, 3));
  }

  @Test
  void agreesWithThePlainDistanceOnRandomNames() {
    Random r = new Random(3);
    for (int round = 0; round < 300; round++) {
      List<String> known = new ArrayList<>();
      for (int i = 0; i < 30; i++) {
        known.add(word(r));
      }
      String wrong = word(r);
      int limit = Math.max(2, wrong.length() / 3);
      List<String> expected =
          known.stream()
              .distinct()
              .filter(k -> !k.equals(wrong) && DidYouMean.distance(wrong, k) <= limit)
              .sorted(
                  java.util.Comparator.comparingInt((String k) -> DidYouMean.distance(wrong, k))
                      .thenComparing(k -> k))
              .limit(3)
              .toList();
      assertEquals(expected, DidYouMean.candidates(wrong, known, 3), wrong + " in " + known);
      for (String k : known) {
        int d = DidYouMean.distance(wrong, k);
        assertEquals(Math.min(d, limit + 1), DidYouMean.distanceAtMost(wrong, k, limit));
      }
    }
  }

  @Test
  void aLargeReadOnlySetsNamesKeptForTheNextSearchGiveTheSameAnswers() {
    Random r = new Random(7);
    java.util.Set<String> names = new java.util.LinkedHashSet<>();
    while (names.size() < DidYouMean.MANY + 500) {
      names.add(word(r) + word(r)); // up to 18 characters, some past 63 when folded: '_' and 'a'
    }
    java.util.Set<String> known = java.util.Collections.unmodifiableSet(names);
    for (int round = 0; round < 60; round++) {
      String wrong = round % 3 == 0 ? List.copyOf(names).get(round * 37) + "x" : word(r) + word(r);
      int limit = Math.max(2, wrong.length() / 3);
      List<String> expected =
          names.stream()
              .filter(k -> !k.equals(wrong) && DidYouMean.distance(wrong, k) <= limit)
              .sorted(
                  java.util.Comparator.comparingInt((String k) -> DidYouMean.distance(wrong, k))
                      .thenComparing(k -> k))
              .limit(5)
              .toList();
      assertEquals(expected, DidYouMean.candidates(wrong, known, 5), wrong);
      // the same set as a plain one: every name filtered on the spot
      assertEquals(expected, DidYouMean.candidates(wrong, List.copyOf(names), 5), wrong);
    }
  }

  private static String word(Random r) {
    StringBuilder sb = new StringBuilder();
    int n = 2 + r.nextInt(8);
    for (int i = 0; i < n; i++) {
      sb.append("abcde_".charAt(r.nextInt(6)));
    }
    return sb.toString();
  }
}
