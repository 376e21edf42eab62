package dev.dbtls.workspace;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbtls.columns.InferredColumn;
import dev.dbtls.columns.QueryColumns;
import dev.dbtls.columns.RelationColumns;
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
          to.accept(id, new ColumnsCache.Restorable("restore " + id, new int[] {id.length(), 7}));
        }
      }
    };
  }

  @Test
  void aTableWrittenAModelAtATimeIsReadBackWhole(@TempDir Path dir) {
    Path file = dir.resolve("shop.columns.json.gz");
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
    assertTrue(read.restorable());
    assertEquals(0, new ColumnsCache(file, "another build").size(), "another build's file: none");
  }

  @Test
  void aWriteThatFailsHalfwayLeavesTheFileBefore(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("shop.columns.json.gz");
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
}
