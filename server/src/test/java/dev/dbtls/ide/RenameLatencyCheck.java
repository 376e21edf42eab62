package dev.dbtls.ide;

import dev.dbtls.index.compile.ProjectSnapshot;
import dev.dbtls.project.FileSource;
import dev.dbtls.project.ProjectInputs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntSupplier;

/**
 * Manual latency check of {@link Rename} and {@link DocumentHighlights} on a large project (not a
 * test: timing depends on the machine). Generate one with {@code python3 test-projects/generate.py
 * DIR --models 10000}, then {@code java -cp <classpath> dev.dbtls.ide.RenameLatencyCheck DIR
 * models/.../x.sql} with a model that has CTEs, refs and a macro call.
 */
public final class RenameLatencyCheck {
  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]).toAbsolutePath().normalize();
    String file = args[1];
    ProjectSnapshot s =
        ProjectSnapshot.load(
            dir, ProjectInputs.Options.defaults(), List.of(), FileSource.DISK, false);
    String text = Files.readString(dir.resolve(file));
    int cte = text.indexOf(" as (") - 1;
    int ref = text.indexOf("ref('") + 6;
    int call = text.indexOf("{{ ", text.indexOf("select\n")) + 4;
    time("highlight CTE", 1000, () -> DocumentHighlights.find(s, file, text, cte).size());
    time("highlight ref", 1000, () -> DocumentHighlights.find(s, file, text, ref).size());
    time("highlight call", 1000, () -> DocumentHighlights.find(s, file, text, call).size());
    time("prepare ref", 200, () -> Rename.prepareAt(s, file, text, ref).ok() ? 1 : 0);
    time("rename CTE", 200, () -> edits(Rename.renameAt(s, file, text, cte, "renamed_cte")));
    time("references", 20, () -> References.find(s, file, text, ref, false).size());
    time("macro refs", 20, () -> References.find(s, file, text, call, false).size());
    time("rename model", 20, () -> edits(Rename.renameAt(s, file, text, ref, "renamed_model")));
    time("rename macro", 20, () -> edits(Rename.renameAt(s, file, text, call, "renamed_macro")));
    System.out.println(s.manifest().nodes().size() + " nodes");
  }

  private static int edits(RenameResult r) {
    if (!r.ok()) {
      throw new IllegalStateException(r.error());
    }
    return r.change().edits().values().stream().mapToInt(List::size).sum()
        + r.change().renames().size();
  }

  private static void time(String what, int runs, IntSupplier task) {
    long[] nanos = new long[runs];
    int size = 0;
    for (int i = 0; i < runs * 2; i++) {
      long t0 = System.nanoTime();
      size = task.getAsInt();
      if (i >= runs) {
        nanos[i - runs] = System.nanoTime() - t0;
      }
    }
    Arrays.sort(nanos);
    System.out.printf(
        "%-15s result %6d  p50 %8.2f ms  p99 %8.2f ms%n",
        what, size, nanos[runs / 2] / 1e6, nanos[(int) (runs * 0.99)] / 1e6);
  }
}
