package dev.dbtls.ide;

import dev.dbtls.index.compile.ProjectSnapshot;
import dev.dbtls.project.FileSource;
import dev.dbtls.project.ProjectInputs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Manual latency check of {@link WorkspaceSymbols} and the per-file features on a large project
 * (not a test: timing depends on the machine). Generate one with {@code python3
 * test-projects/generate.py DIR --models 10000}, then {@code java -cp <classpath>
 * dev.dbtls.ide.OutlineLatencyCheck DIR models/.../x.sql models/.../_x.yml}.
 */
public final class OutlineLatencyCheck {
  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]).toAbsolutePath().normalize();
    ProjectSnapshot s =
        ProjectSnapshot.load(
            dir, ProjectInputs.Options.defaults(), List.of(), FileSource.DISK, false);
    System.out.println(s.manifest().nodes().size() + " nodes");
    long t0 = System.nanoTime();
    int first = Analysis.of(s).workspaceSymbols("x", 100).size();
    System.out.printf(
        "index build + first query %.1f ms (%d items)%n", (System.nanoTime() - t0) / 1e6, first);
    for (int i = 0; i < 5; i++) {
      long b0 = System.nanoTime();
      WorkspaceSymbols.index(s.manifest());
      long b1 = System.nanoTime();
      WorkspaceSymbols.signature(s.manifest());
      System.out.printf(
          "index build %.1f ms, signature (reuse check) %.1f ms%n",
          (b1 - b0) / 1e6, (System.nanoTime() - b1) / 1e6);
    }
    for (String q :
        new String[] {
          "", "a", "st", "orders", "stg_sales__acc", "fctrev", "customers.id", "zzzz", "account_id"
        }) {
      time("symbol '" + q + "'", () -> Analysis.of(s).workspaceSymbols(q, 100).size());
    }
    String sql = args[1];
    String sqlText = Files.readString(dir.resolve(sql));
    time(
        "documentSymbol sql",
        () -> Analysis.documentSymbols(new Analysis.Cursor(sql, sqlText, 0)).size());
    time(
        "foldingRange sql",
        () -> Analysis.foldingRanges(new Analysis.Cursor(sql, sqlText, 0)).size());
    time(
        "semanticTokens sql",
        () -> Analysis.semanticTokens(new Analysis.Cursor(sql, sqlText, 0)).size());
    time(
        "documentLink sql",
        () -> Analysis.of(s).documentLinks(Analysis.Cursor.document(sql, sqlText)).size());
    time(
        "codeLens sql",
        () -> Analysis.of(s).codeLenses(Analysis.Cursor.document(sql, sqlText)).size());
    if (args.length > 2) {
      String yml = args[2];
      String ymlText = Files.readString(dir.resolve(yml));
      time(
          "documentSymbol yml",
          () -> Analysis.documentSymbols(new Analysis.Cursor(yml, ymlText, 0)).size());
      time(
          "documentLink yml",
          () -> Analysis.of(s).documentLinks(Analysis.Cursor.document(yml, ymlText)).size());
    }
  }

  private static void time(String what, Supplier<Integer> f) {
    List<Long> nanos = new ArrayList<>();
    int size = 0;
    for (int i = 0; i < 1000; i++) {
      long t0 = System.nanoTime();
      size = f.get();
      nanos.add(System.nanoTime() - t0);
    }
    long[] last = nanos.subList(500, 1000).stream().mapToLong(Long::longValue).sorted().toArray();
    System.out.printf(
        "%-24s items %5d  p50 %6.2f ms  p99 %6.2f ms%n",
        what, size, last[last.length / 2] / 1e6, last[(int) (last.length * 0.99)] / 1e6);
  }
}
