package dev.dbtls.jinja.scan;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Our own realistic dbt files in src/test/resources/dev/dbtls/jinja/scan/corpus. */
final class Corpus {
  private Corpus() {}

  static final List<String> FILES =
      List.of(
          "stg_orders.sql",
          "customers.sql",
          "orders_incremental.sql",
          "cents_to_dollars.sql",
          "generate_schema_name.sql",
          "my_table.sql",
          "is_positive.sql",
          "orders_snapshot.sql",
          "docs.md",
          "grants.sql",
          "union_sources.sql");

  static String read(String name) {
    try (InputStream in = Corpus.class.getResourceAsStream("corpus/" + name)) {
      if (in == null) {
        throw new IllegalStateException("missing corpus file " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Map<String, String> all() {
    Map<String, String> m = new LinkedHashMap<>();
    for (String f : FILES) {
      m.put(f, read(f));
    }
    return m;
  }
}
