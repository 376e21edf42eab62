package dev.dbtls.project;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbtls.project.properties.ColumnSpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Equality that takes the order of a map's keys, also in lists and records. */
class InOrderTest {
  private static Map<String, Object> map(Object... keysAndValues) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      m.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return m;
  }

  private static ColumnSpec column(Map<String, Object> meta) {
    return new ColumnSpec("id", "key", "int", List.of(), List.of(), meta, List.of(), null, null);
  }

  @Test
  void mapsAreEqualOnlyKeyForKeyInTheSameOrder() {
    assertTrue(InOrder.equal(map("a", 1, "b", 2), map("a", 1, "b", 2)));
    assertTrue(InOrder.equal(map("a", 1, "b", 2), Shared.frozen(map("a", 1, "b", 2))));
    assertFalse(InOrder.equal(map("a", 1, "b", 2), map("b", 2, "a", 1)));
    assertFalse(InOrder.equal(map("a", 1), map("a", 1, "b", 2)));
    assertFalse(InOrder.equal(map("a", 1), map("a", 2)));
  }

  @Test
  void theOrderCountsWithinListsMapsAndRecords() {
    assertFalse(
        InOrder.equal(
            List.of(map("m", map("a", 1, "b", 2))), List.of(map("m", map("b", 2, "a", 1)))));
    assertTrue(
        InOrder.equal(
            List.of(map("m", map("a", 1, "b", 2))), List.of(map("m", map("a", 1, "b", 2)))));
    ColumnSpec ab = column(map("a", 1, "b", 2));
    assertTrue(ab.equals(column(map("b", 2, "a", 1))), "a record's own equals ignores the order");
    assertFalse(InOrder.equal(ab, column(map("b", 2, "a", 1))));
    assertTrue(InOrder.equal(ab, column(map("a", 1, "b", 2))));
    assertFalse(InOrder.equal(ab, null));
    assertTrue(InOrder.equal(null, null));
    assertTrue(InOrder.equal(Span.of(1, 2, 3, 4), Span.of(1, 2, 3, 4)));
    assertFalse(InOrder.equal(Span.of(1, 2, 3, 4), Span.of(1, 2, 3, 5)));
  }
}
