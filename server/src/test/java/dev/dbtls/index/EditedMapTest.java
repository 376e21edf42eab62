package dev.dbtls.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EditedMapTest {
  private static Map<String, Integer> base() {
    Map<String, Integer> m = new LinkedHashMap<>();
    m.put("c", 1);
    m.put("a", 2);
    m.put("b", 3);
    return m;
  }

  @Test
  void readsAsTheBaseWithItsReplacedValuesInTheBasesOrder() {
    Map<String, Integer> base = base();
    Map<String, Integer> edited = EditedMap.of(base, Map.of("a", 20));
    Map<String, Integer> expected = new LinkedHashMap<>(base);
    expected.put("a", 20);
    assertEquals(expected, edited);
    assertEquals(expected.hashCode(), edited.hashCode());
    assertEquals(List.of("c", "a", "b"), new ArrayList<>(edited.keySet()));
    assertEquals(List.of(1, 20, 3), new ArrayList<>(edited.values()));
    assertEquals(new ArrayList<>(expected.entrySet()), new ArrayList<>(edited.entrySet()));
    List<String> seen = new ArrayList<>();
    edited.forEach((k, v) -> seen.add(k + "=" + v));
    assertEquals(List.of("c=1", "a=20", "b=3"), seen);
    assertEquals(20, edited.get("a"));
    assertEquals(3, edited.getOrDefault("b", 0));
    assertNull(edited.get("z"));
    assertFalse(edited.containsKey("z"));
    assertEquals(2, base.get("a"), "the base is not changed");
  }

  @Test
  void aKeyTheBaseLacksIsNotAdded() {
    Map<String, Integer> edited = EditedMap.of(base(), Map.of("z", 9, "b", 30));
    assertEquals(3, edited.size());
    assertNull(edited.get("z"));
    assertEquals(30, edited.get("b"));
  }

  @Test
  void aSecondEditIsMadeOverTheSameBaseWithBothEditsValues() {
    Map<String, Integer> base = base();
    Map<String, Integer> first = EditedMap.of(base, Map.of("a", 20, "b", 30));
    Map<String, Integer> second = EditedMap.of(first, Map.of("b", 300));
    assertEquals(Map.of("c", 1, "a", 20, "b", 300), second);
    assertEquals(Map.of("c", 1, "a", 20, "b", 30), first, "the first edit's map is kept");
    // one read-only set of keys along the chain: what is worked out from it is worked out once
    assertTrue(first.keySet() == second.keySet(), "the same keys, the same set");
    assertThrows(UnsupportedOperationException.class, () -> second.keySet().remove("a"));
    assertEquals(List.of("c", "a", "b"), new ArrayList<>(second.keySet()));
  }

  @Test
  void pastTheBoundItIsAPlainCopyAgain() {
    Map<String, Integer> base = new LinkedHashMap<>();
    Map<String, Integer> changes = new LinkedHashMap<>();
    for (int i = 0; i <= EditedMap.MOST_REPLACED; i++) {
      base.put("k" + i, i);
      changes.put("k" + i, -i);
    }
    base.put("last", 0);
    Map<String, Integer> copy = EditedMap.of(base, changes);
    assertInstanceOf(LinkedHashMap.class, copy);
    assertEquals(-5, copy.get("k5"));
    assertEquals(
        "last", new ArrayList<>(copy.keySet()).get(copy.size() - 1), "in the base's order");
    assertTrue(EditedMap.of(base, Map.of("k5", 50)) instanceof EditedMap);
  }

  @Test
  void aMarkTellsWhichKeysMayDifferFromALaterEditOfTheSameMap() {
    Map<String, Integer> base = base();
    Map<String, Integer> first = EditedMap.of(base, Map.of("a", 20));
    EditedMap.Mark<String> ofBase = EditedMap.Mark.of(base);
    EditedMap.Mark<String> ofFirst = EditedMap.Mark.of(first);
    Map<String, Integer> second = EditedMap.of(first, Map.of("b", 30));
    assertEquals(java.util.Set.of("a", "b"), ofBase.keysChangedIn(second));
    assertEquals(
        java.util.Set.of("a", "b"), ofFirst.keysChangedIn(second), "a, as edited since the base");
    assertEquals(java.util.Set.of("a"), ofFirst.keysChangedIn(base));
    assertNull(ofFirst.keysChangedIn(new LinkedHashMap<>(base)), "another map: not known");
    assertNull(EditedMap.Mark.of(new LinkedHashMap<>(base)).keysChangedIn(second));
  }

  @Test
  void isReadOnly() {
    Map<String, Integer> edited = EditedMap.of(base(), Map.of("a", 20));
    assertThrows(UnsupportedOperationException.class, () -> edited.put("a", 1));
    assertThrows(UnsupportedOperationException.class, () -> edited.keySet().remove("a"));
    assertThrows(UnsupportedOperationException.class, () -> edited.values().clear());
  }
}
