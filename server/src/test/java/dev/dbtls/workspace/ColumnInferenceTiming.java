package dev.dbtls.workspace;

import dev.dbtls.ide.ProjectCatalog;
import dev.dbtls.index.Node;
import dev.dbtls.index.ResourceType;
import dev.dbtls.index.compile.ProjectSnapshot;
import dev.dbtls.project.FileSource;
import dev.dbtls.project.ProjectInputs;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * By-hand timing of {@link ProjectColumns} on a project (not a test: timing depends on the
 * machine), and how many models' columns are fully known, with the reasons for the rest. {@code
 * java -cp <test classpath> dev.dbtls.workspace.ColumnInferenceTiming DIR [RUNS]}; generate a large
 * project with {@code python3 test-projects/generate.py DIR --models 10000}.
 */
public final class ColumnInferenceTiming {
  /**
   * With a cache file as third argument: a first JVM infers and writes it as the server does, the
   * next restores the table from it (timed, in a fresh JVM as at the server's start) and checks it.
   */
  private static void restore(ProjectSnapshot s, Path file) {
    boolean exists = java.nio.file.Files.isRegularFile(file);
    ColumnsCache cache = new ColumnsCache(file, "timing");
    long t0 = System.nanoTime();
    ProjectColumns t =
        new ProjectColumns(s, null).runNow(ProjectCatalog.of(s), FileSource.DISK, cache);
    long ms = (System.nanoTime() - t0) / 1_000_000;
    System.out.printf(
        "%s: %d ms, %d restored, %d parsed%n",
        exists ? "restored" : "inferred", ms, t.restoredCount(), t.parsedCount());
    if (!exists) {
      cache.save(t.toStore());
      System.out.printf(
          "written with restore keys in %d ms%n", (System.nanoTime() - t0) / 1_000_000 - ms);
      return;
    }
    long t1 = System.nanoTime();
    t.afterRun(FileSource.DISK, cache);
    ProjectColumns check = t.checked().join();
    System.out.printf(
        "check: %d ms, %d parsed, %d changed%n",
        (System.nanoTime() - t1) / 1_000_000,
        check == null ? -1 : check.parsedCount(),
        check == null ? -1 : check.changedCount());
  }

  /**
   * With {@code --first MODEL}: the first inference of a fresh JVM with MODEL's file open, timed
   * until MODEL's entry is there (it and its ancestors go first) and until the table is complete.
   */
  private static void first(ProjectSnapshot s, String model) throws Exception {
    Node n =
        s.manifest().nodes().values().stream()
            .filter(x -> x.name().equals(model))
            .findFirst()
            .orElseThrow();
    long t0 = System.nanoTime();
    ProjectColumns t = new ProjectColumns(s, null).first(List.of(n.file().absolutePath()));
    var done = t.start(ProjectCatalog.of(s), FileSource.DISK, new ColumnsWorkers(), null);
    while (t.entry(n.uniqueId()).isEmpty() && !done.isDone()) {
      Thread.sleep(2);
    }
    long entry = (System.nanoTime() - t0) / 1_000_000;
    int before = t.entries().size();
    done.join();
    System.out.printf(
        "%s: its entry after %d ms (%d entries then), every node's after %d ms%n",
        model, entry, before, (System.nanoTime() - t0) / 1_000_000);
  }

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]).toAbsolutePath().normalize();
    int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    ProjectSnapshot s =
        ProjectSnapshot.load(
            dir, ProjectInputs.Options.defaults(), List.of(), FileSource.DISK, true);
    s.jinja(); // the engine is built by the load in the editor too: not part of inference
    if (args.length > 2 && args[2].equals("--first")) {
      first(s, args[3]);
      return;
    }
    if (args.length > 2) {
      restore(s, Path.of(args[2]));
      return;
    }
    List<Long> millis = new ArrayList<>();
    ProjectColumns last = null;
    for (int i = 0; i < runs; i++) {
      long t0 = System.nanoTime();
      last = new ProjectColumns(s, null).runNow(ProjectCatalog.of(s), FileSource.DISK);
      millis.add((System.nanoTime() - t0) / 1_000_000);
    }
    List<Long> sorted = new ArrayList<>(millis);
    Collections.sort(sorted);
    System.out.printf(
        "all nodes: runs %s ms, median %d ms%n", millis, sorted.get(sorted.size() / 2));
    int models = 0;
    int complete = 0;
    int parsed = 0;
    Map<String, Integer> reasons = new TreeMap<>();
    for (ProjectColumns.Entry e : last.entries().values()) {
      if (e.node().type() != ResourceType.MODEL) {
        continue;
      }
      models++;
      if (e.inferred() != null && e.inferred().parsed()) {
        parsed++;
      }
      if (e.known().complete()) {
        complete++;
      } else {
        String why = e.known().gaps().isEmpty() ? "?" : e.known().gaps().get(0);
        why =
            why.replaceAll("^[a-z_]+\\.[^:]+: ", "parent: ")
                .replaceAll("\\S+ is no model", "X is no model");
        reasons.merge(why, 1, Integer::sum);
      }
    }
    System.out.printf(
        "models %d, SQL read %d, columns fully known %d (%.1f%%)%n",
        models, parsed, complete, 100.0 * complete / Math.max(1, models));
    reasons.entrySet().stream()
        .sorted((a, b) -> b.getValue() - a.getValue())
        .limit(12)
        .forEach(r -> System.out.printf("  %5d  %s%n", r.getValue(), r.getKey()));
    // an edit: the same snapshot's nodes again, reusing the table (what the next build does)
    Node staging =
        s.manifest().nodes().values().stream()
            .filter(n -> n.type() == ResourceType.MODEL)
            .max(
                (a, b) ->
                    s.manifest().dag().childrenOf(a.uniqueId()).size()
                        - s.manifest().dag().childrenOf(b.uniqueId()).size())
            .orElseThrow();
    ProjectSnapshot edited =
        ProjectSnapshot.rebuild(
            s,
            s.inputs()
                .withFile(staging.file().absolutePath(), staging.file().text() + "\n-- edited\n"),
            List.of(),
            FileSource.DISK,
            new dev.dbtls.index.ParseCache(),
            java.util.Set.of(staging.file().absolutePath()));
    long t0 = System.nanoTime();
    ProjectColumns next =
        new ProjectColumns(edited, last).runNow(ProjectCatalog.of(s), FileSource.DISK);
    System.out.printf(
        "after editing %s (%d children): %d ms, %d entries%n",
        staging.name(),
        s.manifest().dag().childrenOf(staging.uniqueId()).size(),
        (System.nanoTime() - t0) / 1_000_000,
        next.entries().size());
  }
}
