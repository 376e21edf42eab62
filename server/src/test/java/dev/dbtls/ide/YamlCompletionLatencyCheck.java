package dev.dbtls.ide;

import dev.dbtls.index.compile.ProjectSnapshot;
import dev.dbtls.project.FileSource;
import dev.dbtls.project.ProjectInputs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Manual latency check of YAML completion on a large project (not a test: timing depends on the
 * machine). {@code python3 test-projects/generate.py DIR --models 10000}, then {@code java -cp
 * <classpath> dev.dbtls.ide.YamlCompletionLatencyCheck DIR}. Besides the project's largest property
 * file it completes at the end of one file holding every model's YAML of the project (the worst
 * case for the upward walk).
 */
public final class YamlCompletionLatencyCheck {
  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]).toAbsolutePath().normalize();
    ProjectSnapshot s =
        ProjectSnapshot.load(
            dir, ProjectInputs.Options.defaults(), List.of(), FileSource.DISK, false);
    List<Path> ymls;
    try (Stream<Path> w = Files.walk(dir.resolve("models"))) {
      ymls = w.filter(p -> p.toString().endsWith(".yml")).sorted().toList();
    }
    Path largest =
        ymls.stream()
            .max((a, b) -> Long.compare(a.toFile().length(), b.toFile().length()))
            .orElseThrow();
    StringBuilder all = new StringBuilder("version: 2\nmodels:\n");
    for (Path p : ymls) {
      String t = Files.readString(p);
      int m = t.indexOf("models:\n");
      if (m >= 0) {
        all.append(t.substring(m + "models:\n".length()));
      }
    }
    DescribedNames described = new DescribedNames(); // one per project, as Analysis keeps it
    long t0 = System.nanoTime();
    described.of(s, s.inputs().root().name(), "models");
    System.out.printf(
        "described names of %d property files: %.1f ms (first snapshot)%n",
        ymls.size(), (System.nanoTime() - t0) / 1e6);
    // as the workspace rebuilds after an edit: one file's text new, the others the same objects
    ProjectSnapshot again =
        ProjectSnapshot.rebuild(
            s,
            s.inputs().withFile(largest, Files.readString(largest) + "\n# edited\n"),
            List.of(),
            FileSource.DISK,
            new dev.dbtls.index.ParseCache());
    t0 = System.nanoTime();
    described.of(again, again.inputs().root().name(), "models");
    System.out.printf(
        "  after an edit of one file (new snapshot): %.1f ms%n", (System.nanoTime() - t0) / 1e6);
    for (var file :
        Map.of(
                dir.relativize(largest).toString(),
                Files.readString(largest),
                "models/all_in_one.yml",
                all.toString())
            .entrySet()) {
      String text = file.getValue();
      if (!text.endsWith("\n")) {
        text += "\n";
      }
      Map<String, String> cases = new LinkedHashMap<>();
      cases.put("- name: (models)", text + "  - name: ");
      cases.put("- name: int_ev", text + "  - name: int_ev");
      cases.put("columns - name:", text + "    columns:\n      - name: ");
      cases.put(
          "data_tests - ",
          text + "    columns:\n      - name: id\n        data_tests:\n          - ");
      cases.put("config key", text + "    config:\n      ");
      cases.put("model key", text + "    ");
      cases.put("ref('", text + "    data_tests:\n      - relationships:\n          to: ref('");
      System.out.printf("%s: %d lines%n", file.getKey(), text.split("\n").length);
      for (var c : cases.entrySet()) {
        String t = c.getValue();
        List<Long> nanos = new ArrayList<>();
        int size = 0;
        int runs = t.length() > 1_000_000 ? 3 : 100;
        for (int i = 0; i < runs; i++) {
          long a = System.nanoTime();
          size =
              Analysis.of(s).completion(new Analysis.Cursor(file.getKey(), t, t.length())).size();
          nanos.add(System.nanoTime() - a);
        }
        nanos.sort(null);
        System.out.printf(
            "  %-18s %6d items  median %6.2f ms  p95 %6.2f ms%n",
            c.getKey(),
            size,
            nanos.get(nanos.size() / 2) / 1e6,
            nanos.get(nanos.size() * 95 / 100) / 1e6);
      }
    }
  }
}
