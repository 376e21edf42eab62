package dev.dbtls.index;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbtls.index.ParseCacheCodec.Out;
import dev.dbtls.project.Span;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * A cache file encoded on two threads (records walked on a helper, strings numbered and written on
 * the caller's) is byte for byte the file one thread writes, and a failure on either side stops
 * both.
 */
class StringsBesideTest {
  /** A node's shape in small: strings, a config map (shared by identity), a list, a place. */
  record Item(String name, Map<String, Object> config, List<String> tags, Span span) {}

  private static final RecordCodec<List<Item>> ITEMS = RecordCodec.listOf(Item.class);

  /**
   * Items with repeated strings and maps shared by identity, and numbers: several pieces' worth.
   */
  private static void body(Out o) {
    Map<String, Object> shared = new LinkedHashMap<>(Map.of("materialized", "view"));
    List<Item> items = new ArrayList<>();
    for (int i = 0; i < 150_000; i++) {
      o.str(i % 7 == 0 ? null : "models/folder_" + (i % 300) + "/model_" + i + ".sql");
      o.num(i);
      o.i64(i * 31L);
      o.bool(i % 2 == 0);
      Map<String, Object> config =
          i % 3 == 0 ? shared : new LinkedHashMap<>(Map.of("schema", "s_" + (i % 40), "n", i));
      items.add(
          new Item("model_" + (i % 5_000), config, List.of("tag_" + (i % 9)), Span.of(i, 1, i, 9)));
      if (items.size() == 100) {
        ITEMS.write(o, items);
        items.clear();
      }
      o.spill();
    }
    ITEMS.write(o, items);
  }

  private static Out plainOut() {
    Out o = new Out();
    o.strings = new ParseCacheCodec.StringNumbers();
    o.maps = new java.util.IdentityHashMap<>();
    o.str("head"); // written before the body, as a file's head is
    return o;
  }

  @Test
  void theBytesAreThoseOneThreadWrites() throws Exception {
    Out one = plainOut();
    body(one);
    Out two = plainOut();
    StringsBeside.write(two, StringsBesideTest::body);
    assertTrue(one.size > 4 * Out.SPILL, "handed on in several pieces: " + one.size);
    assertEquals(one.strings.size(), two.strings.size(), "every string numbered once");
    assertArrayEquals(Arrays.copyOf(one.buf, one.size), Arrays.copyOf(two.buf, two.size));
  }

  @Test
  void whatTheWalkThrowsIsThrownToTheWriterAndItsHelperEnds() throws Exception {
    IllegalStateException bad = new IllegalStateException("a value the format cannot hold");
    Consumer<Out> failing =
        o -> {
          body(o);
          throw bad;
        };
    Out o = plainOut();
    assertSame(
        bad, assertThrows(IllegalStateException.class, () -> StringsBeside.write(o, failing)));
    StackOverflowError deep = new StackOverflowError();
    assertSame(
        deep,
        assertThrows(
            StackOverflowError.class,
            () ->
                StringsBeside.write(
                    plainOut(),
                    x -> {
                      throw deep;
                    })));
    for (int i = 0; i < 100 && helperAlive(); i++) {
      Thread.sleep(20);
    }
    assertEquals(false, helperAlive(), "no helper left running");
  }

  @Test
  void anInterruptedWriterStopsItsHelper() throws Exception {
    Thread.currentThread().interrupt();
    assertThrows(
        java.nio.channels.ClosedByInterruptException.class,
        () -> StringsBeside.write(plainOut(), StringsBesideTest::body));
    assertTrue(Thread.interrupted(), "the interrupt is kept");
    for (int i = 0; i < 100 && helperAlive(); i++) {
      Thread.sleep(20);
    }
    assertEquals(false, helperAlive(), "the helper stopped");
  }

  private static boolean helperAlive() {
    return Thread.getAllStackTraces().keySet().stream()
        .anyMatch(t -> t.getName().equals("dbtls-cache-encode") && t.isAlive());
  }
}
