package dev.dbtls.cli;

import dev.dbtls.store.HistoryEntry;
import dev.dbtls.store.Store;
import dev.dbtls.store.StoreResult;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code dbtls history}: the previews and ad-hoc queries run so far, newest first, searchable. */
@Command(
    name = "history",
    description = "List the query history (previews, ad-hoc queries), newest first.")
final class HistoryCommand implements Callable<Integer> {
  @Option(names = "--search", description = "Only entries whose SQL or error has every word")
  String search;

  @Option(names = "--limit", description = "Entries to show (default: ${DEFAULT-VALUE})")
  int limit = 20;

  @Override
  public Integer call() {
    try (Store store = Store.open()) {
      store.notices().forEach(n -> System.err.println("dbtls: " + n));
      // no --search lists them all
      StoreResult<List<HistoryEntry>> found = store.history().search(null, search, 0, limit);
      if (!found.ok()) {
        System.err.println("error: " + found.error());
        return 1;
      }
      List<List<Object>> rows = new ArrayList<>();
      for (HistoryEntry e : found.value()) {
        rows.add(
            List.of(
                e.id(),
                e.startedAt().toString(),
                e.target(),
                e.status().name().toLowerCase(),
                e.durationMs() + " ms",
                e.rowCount() == null ? "" : e.rowCount(),
                e.error() != null ? e.error() : e.sql().strip()));
      }
      System.out.print(
          TextTable.of(
              List.of("id", "started", "target", "status", "took", "rows", "sql or error"), rows));
      return 0;
    }
  }
}
