package dev.dbtls.store;

import java.nio.file.Path;
import java.time.Instant;

/** Run as a separate JVM by {@link StoreTest}: records history entries until it is killed. */
public final class KilledWriter {
  private KilledWriter() {}

  public static void main(String[] args) {
    Store store = Store.open(Path.of(args[0]));
    for (long n = 1; ; n++) {
      String sql = "select " + n + " as n -- " + "x".repeat(200);
      StoreResult<Long> r =
          store
              .history()
              .record(
                  HistoryEntry.of(
                      "/p",
                      "dev",
                      "duckdb",
                      sql,
                      sql.toUpperCase(),
                      Instant.now(),
                      n,
                      n,
                      HistoryEntry.Status.OK,
                      null));
      if (!r.ok()) {
        System.out.println("error " + r.error());
        return;
      }
      if (n == 1) {
        System.out.println("ready");
        System.out.flush();
      }
    }
  }
}
