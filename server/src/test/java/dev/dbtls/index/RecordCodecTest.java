package dev.dbtls.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbtls.jinja.scan.TextRange;
import dev.dbtls.project.Severity;
import dev.dbtls.project.Span;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RecordCodecTest {
  public record Leaf(String name, int n, boolean on, Boolean maybe, Severity level) {}

  public record Tree(
      Leaf leaf,
      List<Leaf> leaves,
      List<String> tags,
      List<Object> values,
      Map<String, Object> config,
      Object value,
      TextRange range,
      Span span) {}

  public record Odd(java.time.Instant at) {}

  private static <T> T roundTrip(RecordCodec<T> codec, T value) {
    ParseCacheCodec.Out out = new ParseCacheCodec.Out();
    codec.write(out, value);
    ParseCacheCodec.In in = new ParseCacheCodec.In(out.buf, 0, out.size);
    T back = codec.read(in);
    assertEquals(out.size, in.pos, "read to the end of what was written");
    return back;
  }

  @Test
  void everyLeafAndNullComesBackAsWritten() {
    Map<String, Object> config = new LinkedHashMap<>();
    config.put("materialized", "table");
    config.put("retries", 3L);
    config.put("share", 0.5);
    config.put("nested", Map.of("on", true));
    config.put("none", null);
    List<Object> values = new ArrayList<>(List.of("a", 1, List.of(2L)));
    Tree full =
        new Tree(
            new Leaf("x", -7, true, false, Severity.WARNING),
            List.of(new Leaf(null, 0, false, null, null), new Leaf("é✓", 300, true, true, null)),
            List.of("t1", "t2"),
            values,
            config,
            "plain",
            new TextRange(3, 9),
            new Span(1, 2, 3, 4));
    RecordCodec<Tree> codec = RecordCodec.of(Tree.class);
    assertEquals(full, roundTrip(codec, full));
    Tree empty = new Tree(null, List.of(), List.of(), List.of(), Map.of(), null, null, null);
    assertEquals(empty, roundTrip(codec, empty));
    assertEquals(null, roundTrip(codec, null));
  }

  @Test
  @SuppressWarnings("unchecked")
  void numberedMapsAreWrittenOnceAndComeBackSharedAndFrozen() {
    Map<String, Object> config = new LinkedHashMap<>();
    config.put("materialized", "view");
    config.put("grants", new LinkedHashMap<>(Map.of("select", List.of("reporter"))));
    config.put("post_hook", new ArrayList<>(List.of(new LinkedHashMap<>(Map.of("sql", "x")))));
    Tree one = new Tree(null, List.of(), List.of(), List.of(), config, null, null, null);
    Tree other = new Tree(null, List.of(), List.of(), List.of(), config, "b", null, null);
    Tree empty =
        new Tree(null, List.of(), List.of(), List.of(), new LinkedHashMap<>(), null, null, null);
    RecordCodec<Tree> codec = RecordCodec.of(Tree.class);

    ParseCacheCodec.Out plain = new ParseCacheCodec.Out();
    ParseCacheCodec.Out numbered = new ParseCacheCodec.Out();
    numbered.maps = new java.util.IdentityHashMap<>();
    for (ParseCacheCodec.Out out : List.of(plain, numbered)) {
      codec.write(out, one);
      codec.write(out, other);
      codec.write(out, empty);
    }
    assertTrue(numbered.size < plain.size - 20, "the second config is a number");

    ParseCacheCodec.In in = new ParseCacheCodec.In(numbered.buf, 0, numbered.size);
    in.maps = new ArrayList<>();
    Tree oneBack = codec.read(in);
    Tree otherBack = codec.read(in);
    Tree emptyBack = codec.read(in);
    assertEquals(numbered.size, in.pos);
    assertEquals(List.of(one, other, empty), List.of(oneBack, otherBack, emptyBack));
    assertSame(oneBack.config(), otherBack.config(), "one map, as the writer had");
    assertEquals(
        List.of("materialized", "grants", "post_hook"), List.copyOf(oneBack.config().keySet()));
    // frozen as Shared.frozen leaves a map: the maps among its values too, not those in lists
    assertThrows(UnsupportedOperationException.class, () -> oneBack.config().put("k", 1));
    assertThrows(
        UnsupportedOperationException.class,
        () -> ((Map<String, Object>) oneBack.config().get("grants")).put("k", 1));
    ((Map<String, Object>) ((List<?>) oneBack.config().get("post_hook")).get(0)).put("k", 1);
    assertSame(Map.of(), emptyBack.config());

    // the parse cache's reader: every map its own, mutable
    ParseCacheCodec.In again = new ParseCacheCodec.In(plain.buf, 0, plain.size);
    Tree a = codec.read(again);
    Tree b = codec.read(again);
    assertNotSame(a.config(), b.config());
    a.config().put("k", 1);
  }

  @Test
  void aComponentWithoutAFormFailsWhenTheCodecIsMadeNamingItsType() {
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> RecordCodec.of(Odd.class));
    assertTrue(e.getMessage().contains("java.time.Instant"), e.getMessage());
  }

  @Test
  void aTruncatedRecordThrowsInsteadOfMakingOneUpOfZeros() {
    ParseCacheCodec.Out out = new ParseCacheCodec.Out();
    RecordCodec<Leaf> codec = RecordCodec.of(Leaf.class);
    codec.write(out, new Leaf("name", 5, true, true, Severity.ERROR));
    ParseCacheCodec.In in = new ParseCacheCodec.In(out.buf, 0, out.size - 2);
    assertThrows(IllegalStateException.class, () -> codec.read(in));
  }

  @Test
  void theShapeCoversEveryRecordTheRootsReach() {
    var reached =
        RecordCodec.reached(
            List.of(
                dev.dbtls.jinja.scan.StaticFacts.class,
                dev.dbtls.project.Problem.class,
                dev.dbtls.project.properties.PropertyFile.class));
    assertTrue(reached.contains(dev.dbtls.jinja.scan.StaticFacts.ConfigArg.class), "" + reached);
    assertTrue(reached.contains(dev.dbtls.project.properties.MacroSpec.Argument.class));
    assertTrue(reached.contains(dev.dbtls.project.properties.DataTestSpec.class));
    assertTrue(reached.contains(TextRange.class) && reached.contains(Span.class));
  }
}
