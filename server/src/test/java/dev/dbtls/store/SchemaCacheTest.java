package dev.dbtls.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SchemaCacheTest {
  @Test
  void savedColumnsComeBackAndASaveReplacesWhatWasThere(@TempDir Path dir) {
    Path file = dir.resolve("store.db");
    try (Store store = Store.open(file)) {
      store
          .schemaCache()
          .save(
              "/p",
              "dev",
              Map.of(
                  "model.p.a",
                      List.of(
                          new SchemaCache.Column("id", "INTEGER"),
                          new SchemaCache.Column("name", "VARCHAR")),
                  "model.p.b", List.of(new SchemaCache.Column("x", "DOUBLE"))));
      store
          .schemaCache()
          .save("/p", "prod", Map.of("model.p.a", List.of(new SchemaCache.Column("id", "BIGINT"))));
    }
    try (Store store = Store.open(file)) { // a later session
      assertEquals(
          Map.of(
              "model.p.a",
                  List.of(
                      new SchemaCache.Column("id", "INTEGER"),
                      new SchemaCache.Column("name", "VARCHAR")),
              "model.p.b", List.of(new SchemaCache.Column("x", "DOUBLE"))),
          store.schemaCache().load("/p", "dev").value());
      store
          .schemaCache()
          .save("/p", "dev", Map.of("model.p.c", List.of(new SchemaCache.Column("y", "TEXT"))));
      assertEquals(
          List.of("model.p.c"),
          List.copyOf(store.schemaCache().load("/p", "dev").value().keySet()));
      assertEquals(
          List.of(new SchemaCache.Column("id", "BIGINT")),
          store.schemaCache().load("/p", "prod").value().get("model.p.a"));
      assertEquals(Map.of(), store.schemaCache().load("/other", "dev").value());
    }
  }
}
