package dev.dbtls.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** A layer over a map no one changes: reads through, puts and removes on top, never stacks up. */
class LayeredMapTest {
  private static Map<String, Integer> base() {
    Map<String, Integer> m = new LinkedHashMap<>();
    m.put("a", 1);
    m.put("b", 2);
    m.put("c", 3);
    return m;
  }

  @Test
  void readsThroughAndKeepsWhatWasPutAndRemovedOnTop() {
    Map<String, Integer> base = base();
    LayeredMap<String, Integer> l = LayeredMap.over(base);
    assertEquals(2, l.get("b"));
    assertEquals(2, l.put("b", 20), "what the base had");
    assertNull(l.put("d", 4));
    assertEquals(3, l.remove("c"));
    assertNull(l.remove("c"));
    assertNull(l.remove("nowhere"));
    assertEquals(20, l.get("b"));
    assertNull(l.get("c"));
    assertFalse(l.containsKey("c"));
    assertTrue(l.containsKey("d"));
    assertEquals(3, l.size());
    assertEquals(Map.of("a", 1, "b", 20, "d", 4), l);
    assertEquals(Map.of("a", 1, "b", 20, "d", 4), Map.copyOf(l));
    // the base's order, then what only the top has
    assertEquals(List.of("a", "b", "d"), new ArrayList<>(l.keySet()));
    assertEquals(base(), base, "the base is not changed");
    assertEquals(1, l.put("a", 1));
    assertNull(l.put("c", 4), "a removed key put again");
    assertEquals(List.of("a", "b", "c", "d"), new ArrayList<>(l.keySet()));
    assertThrows(NullPointerException.class, () -> l.put("e", null));
  }

  @Test
  void aLayerOverALayerHasTheSameBaseAndACopyOfItsTop() {
    Map<String, Integer> base = base();
    LayeredMap<String, Integer> first = LayeredMap.over(base);
    first.put("a", 10);
    first.remove("b");
    LayeredMap<String, Integer> second = LayeredMap.over(first);
    assertTrue(second.readsThrough(base));
    second.put("c", 30);
    assertEquals(Map.of("a", 10, "c", 30), second);
    assertEquals(Map.of("a", 10, "c", 3), first, "the layer below is as it was");
  }

  @Test
  void pastTheBoundTheNextLayersBaseIsAPlainCopy() {
    Map<String, Integer> base = new LinkedHashMap<>();
    IntStream.range(0, 2 * LayeredMap.MOST_ON_TOP).forEach(i -> base.put("k" + i, i));
    LayeredMap<String, Integer> l = LayeredMap.over(base);
    IntStream.range(0, LayeredMap.MOST_ON_TOP).forEach(i -> l.put("k" + i, -i));
    assertTrue(LayeredMap.over(l).readsThrough(base), "at the bound: still the same base");
    l.remove("k" + (LayeredMap.MOST_ON_TOP + 1));
    LayeredMap<String, Integer> next = LayeredMap.over(l);
    assertFalse(next.readsThrough(base));
    assertEquals(l, next);
    assertEquals(2 * LayeredMap.MOST_ON_TOP - 1, next.size());
    assertEquals(-7, next.get("k7"));
  }

  @Test
  void putsFromSeveralThreadsAreAllKept() throws Exception {
    Map<String, Integer> base = new LinkedHashMap<>();
    IntStream.range(0, 1000).forEach(i -> base.put("k" + i, i));
    LayeredMap<String, Integer> l = LayeredMap.over(base);
    java.util.concurrent.ForkJoinPool pool = new java.util.concurrent.ForkJoinPool(4);
    try {
      pool.submit(() -> IntStream.range(0, 2000).parallel().forEach(i -> l.put("k" + i, -i))).get();
    } finally {
      pool.shutdown();
    }
    assertEquals(2000, l.size());
    IntStream.range(0, 2000).forEach(i -> assertEquals(-i, l.get("k" + i)));
  }
}
