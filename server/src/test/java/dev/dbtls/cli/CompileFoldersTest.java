package dev.dbtls.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code compile} into a fresh target folder: many threads writing files of the same new folders at
 * once never fail (it did in 1 run of 20: a thread wrote before another had made the folder).
 */
class CompileFoldersTest {
  @Test
  void threadsWritingIntoTheSameNewFoldersAllSucceed(@TempDir Path tmp) throws Exception {
    int threads = 8;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      for (int round = 0; round < 200; round++) {
        Path out = tmp.resolve("r" + round);
        CompileCommand.Folders folders = new CompileCommand.Folders();
        CountDownLatch go = new CountDownLatch(1);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
          int id = t;
          done.add(
              pool.submit(
                  () -> {
                    go.await();
                    for (int f = 0; f < 6; f++) { // 8 threads x 6 files over 3 deep folders
                      folders.write(
                          out.resolve(
                              "compiled/shop/models/d" + (f % 3) + "/m" + id + "_" + f + ".sql"),
                          "x");
                    }
                    return null;
                  }));
        }
        go.countDown(); // every thread starts at once: they all meet the same missing folders
        for (Future<?> f : done) {
          f.get(30, TimeUnit.SECONDS); // rethrows a failed write
        }
        try (Stream<Path> files = Files.walk(out)) {
          assertEquals(threads * 6, files.filter(Files::isRegularFile).count());
        }
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aSecondCompileLeavesSameFilesAloneAndReplacesChangedOnes(@TempDir Path tmp)
      throws Exception {
    Path same = tmp.resolve("compiled/shop/models/same.sql");
    Path changed = tmp.resolve("compiled/shop/models/changed.sql");
    Path longer = tmp.resolve("compiled/shop/models/longer.sql");
    CompileCommand.Folders first = new CompileCommand.Folders();
    first.write(same, "select 1");
    first.write(changed, "select 2");
    first.write(longer, "select 3");
    java.nio.file.attribute.FileTime old = java.nio.file.attribute.FileTime.fromMillis(1_000_000);
    for (Path p : List.of(same, changed, longer)) {
      Files.setLastModifiedTime(p, old);
    }
    CompileCommand.Folders second = new CompileCommand.Folders();
    second.write(same, "select 1");
    second.write(changed, "select 9"); // same length, other text
    second.write(longer, "select 3, 4");
    assertEquals("select 1", Files.readString(same));
    assertEquals(old, Files.getLastModifiedTime(same)); // not written again
    assertEquals("select 9", Files.readString(changed));
    assertEquals("select 3, 4", Files.readString(longer));
    assertTrue(Files.getLastModifiedTime(changed).compareTo(old) > 0);
  }

  @Test
  void compileIntoFreshTargetsWritesEveryNode(@TempDir Path tmp) {
    String project = jaffleShop().toString();
    for (int i = 0; i < 5; i++) {
      Path out = tmp.resolve("t" + i);
      CliRun r =
          CliRun.of(
              "compile",
              "--quiet",
              "--project-dir",
              project,
              "--profiles-dir",
              project,
              "--output-dir",
              out.toString());
      assertEquals(0, r.exit(), r.err());
      assertTrue(!r.err().contains("cannot write"), r.err());
    }
  }

  @Test
  void whatCompileReadsAheadIsEachNodesTemplateThenTheOutputItCompares(@TempDir Path tmp) {
    Path project = jaffleShop();
    var snapshot =
        dev.dbtls.index.compile.ProjectSnapshot.load(
            project,
            new dev.dbtls.project.ProjectInputs.Options(
                null, null, null, java.util.Map.of(), java.util.Map.of()),
            List.of(),
            dev.dbtls.project.FileSource.DISK,
            false);
    List<dev.dbtls.index.Node> work =
        snapshot.manifest().nodes().values().stream().filter(n -> n.type().compiles()).toList();
    Path out = tmp.resolve("compiled");
    List<Path> paths = CompileCommand.readPaths(work, out);
    assertEquals(2 * work.size(), paths.size());
    int templates = 0;
    for (int i = 0; i < work.size(); i++) {
      dev.dbtls.index.Node n = work.get(i);
      Path template = paths.get(2 * i);
      if (n.file() == null) {
        assertEquals(null, template, n.uniqueId()); // a YAML test: nothing of its own to read
      } else if (template != null) {
        assertEquals(n.file().absolutePath(), template);
        templates++;
      }
      assertEquals(
          out.resolve(n.packageName()).resolve(CompileCommand.outputPath(n)), paths.get(2 * i + 1));
    }
    assertTrue(templates > 0, "no template left to read: " + paths);
    assertTrue(work.stream().anyMatch(n -> n.file() == null), "jaffle_shop has YAML tests");
    // what was compiled is what a second compile compares with
    CliRun r =
        CliRun.of(
            "compile",
            "--quiet",
            "--project-dir",
            project.toString(),
            "--profiles-dir",
            project.toString(),
            "--output-dir",
            tmp.toString());
    assertEquals(0, r.exit(), r.err());
    for (int i = 1; i < paths.size(); i += 2) {
      assertTrue(Files.isRegularFile(paths.get(i)), paths.get(i).toString());
    }
    // with nothing written, nothing to compare
    List<Path> noWrite = CompileCommand.readPaths(work, null);
    for (int i = 1; i < noWrite.size(); i += 2) {
      assertEquals(null, noWrite.get(i));
    }
  }

  private static Path jaffleShop() {
    return Path.of(System.getProperty("dbtls.repoRoot", ".."))
        .resolve("test-projects/jaffle_shop")
        .toAbsolutePath()
        .normalize();
  }
}
