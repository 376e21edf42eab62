package dev.dbtls.workspace;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbtls.columns.EdgeKind;
import dev.dbtls.columns.InferredColumn;
import dev.dbtls.columns.Origin;
import dev.dbtls.columns.QueryColumns;
import dev.dbtls.columns.RelationColumns;
import dev.dbtls.columns.Upstream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ColumnsCacheTest {
  private static ColumnsCache.Memo memo(String key, String column) {
    return new ColumnsCache.Memo(
        key,
        new QueryColumns(
            RelationColumns.complete(
                List.of(new InferredColumn(column, "integer", null, null, List.of()))),
            List.of(),
            true));
  }

  /** A table whose restorables are made as they are asked for, each counted. */
  private static ColumnsCache.ToStore table(
      Map<String, ColumnsCache.Memo> memos, List<String> made) {
    return new ColumnsCache.ToStore() {
      @Override
      public Map<String, ColumnsCache.Memo> memos() {
        return memos;
      }

      @Override
      public void eachRestorable(BiConsumer<String, ColumnsCache.Restorable> to) {
        for (String id : memos.keySet()) {
          made.add(id);
          to.accept(
              id,
              new ColumnsCache.Restorable(
                  "restore " + id,
                  new int[] {id.length(), 7},
                  List.of("shop.money", id),
                  List.of("SHOP_TIER"),
                  List.of("run_started_at")));
        }
      }
    };
  }

  @Test
  void aTableWrittenAModelAtATimeIsReadBackWhole(@TempDir Path dir) {
    Path file = dir.resolve("shop.columns");
    Map<String, ColumnsCache.Memo> memos =
        Map.of(
            "model.shop.orders", memo("k1", "order_id"), "model.shop.customers", memo("k2", "id"));
    List<String> made = new ArrayList<>();
    new ColumnsCache(file, "b").save(table(memos, made));

    assertEquals(2, made.size(), "each restorable made once, as it was written");
    ColumnsCache read = new ColumnsCache(file, "b");
    assertEquals(2, read.size());
    assertEquals(memos.get("model.shop.orders"), read.get("model.shop.orders", "k1"));
    assertNull(read.get("model.shop.orders", "k2"), "another key: not this result");
    ColumnsCache.Restored r = read.restored("model.shop.customers", "restore model.shop.customers");
    assertEquals(memos.get("model.shop.customers"), r.memo());
    assertArrayEquals(new int[] {"model.shop.customers".length(), 7}, r.places());
    assertEquals(
        List.of("shop.money", "model.shop.customers"),
        read.restorable("model.shop.customers").macros(),
        "the macros its render ran");
    assertEquals(
        List.of("SHOP_TIER"),
        read.restorable("model.shop.customers").envNames(),
        "the variables it read");
    assertEquals(
        List.of("run_started_at"),
        read.restorable("model.shop.customers").unkeyed(),
        "what it read that no key holds");
    assertTrue(read.restorable());
    assertEquals(0, new ColumnsCache(file, "another build").size(), "another build's file: none");
  }

  @Test
  void aWriteThatFailsHalfwayLeavesTheFileBefore(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("shop.columns");
    ColumnsCache cache = new ColumnsCache(file, "b");
    cache.save(table(Map.of("model.shop.orders", memo("k1", "order_id")), new ArrayList<>()));
    byte[] before = Files.readAllBytes(file);

    cache.save(
        new ColumnsCache.ToStore() {
          @Override
          public Map<String, ColumnsCache.Memo> memos() {
            return Map.of("model.shop.orders", memo("k9", "other"));
          }

          @Override
          public void eachRestorable(BiConsumer<String, ColumnsCache.Restorable> to) {
            throw new IllegalStateException("the snapshot went away");
          }
        });

    assertArrayEquals(before, Files.readAllBytes(file), "the file before, whole");
    assertEquals(
        memo("k1", "order_id"), new ColumnsCache(file, "b").get("model.shop.orders", "k1"));
  }

  @Test
  void everyPartOfAResultComesBackAsItWas(@TempDir Path dir) {
    Path file = dir.resolve("shop.columns");
    Origin name = new Origin(Origin.Kind.SQL, "model.shop.stg_orders", 7, 15);
    QueryColumns columns =
        new QueryColumns(
            new RelationColumns(
                List.of(
                    new InferredColumn(
                        "order_id",
                        "integer",
                        name,
                        name,
                        List.of(new Upstream("model.shop.stg_orders", "id", EdgeKind.RENAMED))),
                    new InferredColumn("amount", null, null, null, List.of())),
                false,
                List.of("select * from a relation whose columns are not known")),
            List.of(new Upstream("model.shop.stg_payments", "order_id", EdgeKind.FILTER_JOIN)),
            true,
            List.of(new QueryColumns.MissingColumn("model.shop.stg_payments", "amuont", 40, 46)));
    ColumnsCache.Memo memo = new ColumnsCache.Memo("k1", columns);
    new ColumnsCache(file, "b")
        .save(Map.of("model.shop.orders", memo), Map.of("model.shop.orders", restorable("r1")));

    ColumnsCache read = new ColumnsCache(file, "b");
    assertEquals(memo, read.get("model.shop.orders", "k1"));
    assertArrayEquals(new int[] {3, 1, 4}, read.restored("model.shop.orders", "r1").places());
    assertEquals(
        List.of("shop.cents", "dbt_utils.star"), read.restorable("model.shop.orders").macros());
  }

  @Test
  void aDamagedFileReadsAsNoneAndIsWrittenAgain(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("shop.columns");
    ColumnsCache.Memo memo = memo("k1", "order_id");
    new ColumnsCache(file, "b")
        .save(Map.of("model.shop.orders", memo), Map.of("model.shop.orders", restorable("r1")));
    byte[] whole = Files.readAllBytes(file);

    Files.write(file, java.util.Arrays.copyOf(whole, whole.length - 3));
    assertEquals(0, new ColumnsCache(file, "b").size(), "truncated: none");
    byte[] flipped = whole.clone();
    flipped[flipped.length - 2] ^= 0x20;
    Files.write(file, flipped);
    assertEquals(0, new ColumnsCache(file, "b").size(), "a byte changed: none");
    Files.writeString(file, "{\"build\": \"b\", \"memos\": {}}");
    assertEquals(0, new ColumnsCache(file, "b").size(), "another format: none");

    ColumnsCache again = new ColumnsCache(file, "b");
    again.save(Map.of("model.shop.orders", memo), Map.of());
    assertEquals(memo, new ColumnsCache(file, "b").get("model.shop.orders", "k1"));
  }

  @Test
  void aWriteRemovesTheFileOfTheFormatBefore(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("shop.columns");
    Path before = dir.resolve("shop.columns.json.gz");
    Files.writeString(before, "gzipped JSON of an earlier build");

    new ColumnsCache(file, "b").save(Map.of("model.shop.orders", memo("k1", "id")), Map.of());

    assertTrue(Files.isRegularFile(file));
    assertFalse(Files.exists(before), "no build reads it any more");
  }

  private static ColumnsCache.Restorable restorable(String key) {
    return new ColumnsCache.Restorable(
        key, new int[] {3, 1, 4}, List.of("shop.cents", "dbt_utils.star"), List.of(), List.of());
  }
}
