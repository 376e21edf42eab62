package dev.dbtls.ide;

import dev.dbtls.index.compile.ProjectSnapshot;
import dev.dbtls.project.FileSource;
import dev.dbtls.project.ProjectInputs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Manual latency check of {@link Completion} on a large project (not a test: timing depends on the
 * machine). Generate one with {@code python3 test-projects/generate.py DIR --models 10000}, then
 * {@code java -cp <classpath> dev.dbtls.ide.CompletionLatencyCheck DIR models/.../x.sql [columns]}
 * ({@code columns}: with every model's columns inferred first, as after a build).
 */
public final class CompletionLatencyCheck {
  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]).toAbsolutePath().normalize();
    String file = args[1];
    ProjectSnapshot s =
        ProjectSnapshot.load(
            dir, ProjectInputs.Options.defaults(), List.of(), FileSource.DISK, false);
    if (args.length > 2 && args[2].equals("columns")) {
      long t0 = System.nanoTime();
      dev.dbtls.workspace.ProjectColumns.inferNow(Analysis.of(s), FileSource.DISK);
      System.out.printf("columns inferred in %d ms%n", (System.nanoTime() - t0) / 1_000_000);
    }
    String text = Files.readString(dir.resolve(file));
    int from = text.indexOf("from ") + 5;
    Map<String, String> cases =
        Map.of(
            "ref('", text.substring(0, from) + "{{ ref('",
            "ref('stg_s", text.substring(0, from) + "{{ ref('stg_s",
            "{{ name", text.substring(0, from) + "{{ c",
            "source('", text.substring(0, from) + "{{ source('",
            "sql word", text + "\nsel",
            "alias.", text + "\nselect x.");
    for (var c : cases.entrySet()) {
      String t = c.getValue();
      List<Long> nanos = new ArrayList<>();
      int size = 0;
      for (int i = 0; i < 1000; i++) {
        long t0 = System.nanoTime();
        size = Analysis.of(s).completion(new Analysis.Cursor(file, t, t.length())).size();
        nanos.add(System.nanoTime() - t0);
      }
      long[] last = nanos.subList(500, 1000).stream().mapToLong(Long::longValue).sorted().toArray();
      System.out.printf(
          "%-12s items %6d  p50 %6.2f ms  p99 %6.2f ms%n",
          c.getKey(), size, last[last.length / 2] / 1e6, last[(int) (last.length * 0.99)] / 1e6);
    }
    System.out.println(Arrays.toString(new int[] {s.manifest().nodes().size()}) + " nodes");
  }
}
