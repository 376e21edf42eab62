package dev.dbtls.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbtls.columns.Origin;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A shared name is the string table's instance, whether or not it was asked for before; equal
 * spans, small records and configs made one after the other are one object.
 */
class SharedTest {
  @Test
  void aShortNameIsTheInternedInstanceFirstAndAgain() {
    String a = new String("customer_id".toCharArray());
    String b = new String("customer_id".toCharArray());
    assertSame("customer_id", Shared.name(a), "the literal is the table's instance");
    assertSame("customer_id", Shared.name(b), "another copy, found among the recent names");
  }

  @Test
  void namesInTheSameSlotEachComeBackInterned() {
    // more names than slots: every slot is overwritten several times
    List<String> names = new ArrayList<>();
    for (int i = 0; i < 100_000; i++) {
      names.add("column_" + i);
    }
    for (String n : names) {
      assertSame(n.intern(), Shared.name(new String(n.toCharArray())), n);
    }
    for (int i = names.size() - 1; i >= 0; i -= 7) {
      String n = names.get(i);
      assertSame(n.intern(), Shared.name(new String(n.toCharArray())), n);
    }
  }

  @Test
  void aLongTextAndNullAreReturnedAsTheyAre() {
    String longText = "x".repeat(65);
    String copy = new String(longText.toCharArray());
    assertSame(copy, Shared.name(copy));
    assertEquals(longText, Shared.name(copy));
    assertNull(Shared.name(null));
  }

  @Test
  void equalSpansAreOneObjectAndUnequalOnesKeepTheirValues() {
    Span a = Span.of(40, 14, 40, 21);
    assertSame(a, Span.of(40, 14, 40, 21));
    assertEquals(new Span(40, 14, 40, 21), a);
    // more spans than slots: each still has its own value
    for (int line = 0; line < 70_000; line++) {
      Span s = Span.of(line, 6, line, 6 + line % 9);
      assertEquals(new Span(line, 6, line, 6 + line % 9), s);
    }
    // a line or column past what a packed value holds, or a negative one, is not taken for the
    // span whose packed value it would wrap to (that one made first)
    int[][] beyond = {
      {1 << 20, 0, 0, 0},
      {0, 0, 1 << 20, 0},
      {0, 4096, 0, 0},
      {0, 0, 0, 4096},
      {-1, 0, 0, 0},
      {0, -1, 0, 0},
      {0, 0, -1, 0},
      {0, 0, 0, -1}
    };
    for (int[] b : beyond) {
      for (int[] alias :
          List.of(
              new int[] {0, 0, 0, 0},
              new int[] {0, 1, 0, 0},
              new int[] {1, 0, 0, 0},
              new int[] {0, 0, 1, 0})) {
        Span.of(alias[0], alias[1], alias[2], alias[3]);
        assertEquals(new Span(b[0], b[1], b[2], b[3]), Span.of(b[0], b[1], b[2], b[3]));
      }
    }
    // the largest values a packed value holds are shared, and keep their values
    Span max = Span.of((1 << 20) - 1, 4095, (1 << 20) - 1, 4095);
    assertEquals(new Span((1 << 20) - 1, 4095, (1 << 20) - 1, 4095), max);
    assertSame(max, Span.of((1 << 20) - 1, 4095, (1 << 20) - 1, 4095));
  }

  @Test
  void anEqualRecordIsTheFirstOnesInstance() {
    // a relation no other test names: tests running beside this one share the table
    Origin first = Origin.of(Origin.Kind.PARENT, "model.shared_test.orders");
    assertSame(first, Shared.value(first));
    Origin again =
        Origin.of(Origin.Kind.PARENT, new String("model.shared_test.orders".toCharArray()));
    assertSame(first, Shared.value(again));
    Origin other = Origin.of(Origin.Kind.YAML, "model.shared_test.orders");
    assertSame(other, Shared.value(other), "another kind is another value");
    assertNull(Shared.value(null));
  }

  @Test
  void configsEqualKeyForKeyInOrderAreOneReadOnlyMap() {
    Map<String, Object> a = config("materialized", "view", "enabled", true, "tags", List.of("x"));
    Map<String, Object> shared = Shared.config(a);
    assertEquals(a, shared);
    assertEquals(List.copyOf(a.keySet()), List.copyOf(shared.keySet()), "the keys' order is kept");
    Map<String, Object> b = config("materialized", "view", "enabled", true, "tags", List.of("x"));
    assertSame(shared, Shared.config(b));
    Map<String, Object> reordered =
        config("enabled", true, "materialized", "view", "tags", List.of("x"));
    assertNotSame(shared, Shared.config(reordered), "the same entries in another order: its own");
    assertThrows(UnsupportedOperationException.class, () -> shared.put("schema", "s"));
    assertSame(Map.of(), Shared.config(new LinkedHashMap<>()));
    assertNull(Shared.config(null));
  }

  @Test
  void aConfigWhoseNestedMapIsReorderedIsItsOwnInItsOrder() {
    Map<String, Object> shared =
        Shared.config(config("materialized", "view", "meta", config("owner", "ann", "tier", 1)));
    Map<String, Object> reordered =
        Shared.config(config("materialized", "view", "meta", config("tier", 1, "owner", "ann")));
    assertNotSame(shared, reordered);
    assertEquals(
        List.of("tier", "owner"),
        List.copyOf(((Map<?, ?>) reordered.get("meta")).keySet()),
        "the meta as written now, not the earlier config's");
    Map<String, Object> again =
        Shared.config(config("materialized", "view", "meta", config("tier", 1, "owner", "ann")));
    assertSame(reordered, again, "in the same order: one map");
  }

  @Test
  void aFrozenMapIsTheMapItWasMadeFromReadOnlyWithItsMapValuesFrozenToo() {
    Map<String, Object> inner = config("values", List.of("a", "b"), "quote", null);
    Map<String, Object> m = config("column_name", "status", "kwargs", inner, "none", null);
    Map<String, Object> f = Shared.frozen(m);
    assertInstanceOf(FrozenMap.class, f);
    assertEquals(m, f);
    assertEquals(m.hashCode(), f.hashCode());
    assertEquals(m.toString(), f.toString());
    assertEquals("status", f.get(new String("column_name".toCharArray())));
    assertTrue(f.containsKey("none"));
    assertNull(f.get("none"));
    assertFalse(f.containsKey("absent"));
    assertInstanceOf(FrozenMap.class, f.get("kwargs"));
    assertEquals(inner, f.get("kwargs"));
    assertSame(f, Shared.frozen(f));
    assertThrows(UnsupportedOperationException.class, () -> f.remove("column_name"));
    assertThrows(
        UnsupportedOperationException.class, () -> f.entrySet().iterator().next().setValue("x"));
  }

  @Test
  void frozenMapsWithTheSameKeysInTheSameOrderShareTheirKeys() {
    FrozenMap<String, Object> a =
        (FrozenMap<String, Object>) Shared.frozen(config("test_name", "unique", "kwargs", 1));
    FrozenMap<String, Object> b =
        (FrozenMap<String, Object>) Shared.frozen(config("test_name", "not_null", "kwargs", 2));
    FrozenMap<String, Object> c =
        (FrozenMap<String, Object>) Shared.frozen(config("kwargs", 3, "test_name", "unique"));
    assertTrue(a.sharesKeysWith(b));
    assertFalse(a.sharesKeysWith(c), "another order: other keys");
    assertEquals("not_null", b.get("test_name"));
    assertEquals(3, c.get("kwargs"));
    assertEquals(List.of("kwargs", "test_name"), List.copyOf(c.keySet()));
  }

  private static Map<String, Object> config(Object... keysAndValues) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      m.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return m;
  }
}
