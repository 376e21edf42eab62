package dev.dbtls.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A shared name is the string table's instance, whether or not it was asked for before. */
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
}
