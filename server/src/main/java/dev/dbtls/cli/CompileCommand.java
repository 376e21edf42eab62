package dev.dbtls.cli;

import dev.dbtls.index.Node;
import dev.dbtls.index.ReadAhead;
import dev.dbtls.index.compile.CompiledNode;
import dev.dbtls.index.compile.NodeCompiler;
import dev.dbtls.index.compile.ProjectSnapshot;
import dev.dbtls.project.Problem;
import dev.dbtls.project.ProblemCode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code dbtls compile}: writes each selected model, analysis, test and snapshot where dbt does,
 * {@code <target-path>/compiled/<package>/<original file path>}. One broken node never stops the
 * others.
 */
@Command(
    name = "compile",
    description = "Compile models, analyses, tests and snapshots to SQL, like dbt compile.")
final class CompileCommand implements Callable<Integer> {
  @Mixin ProjectOptions project;

  @Mixin SelectorOption selector;

  @Option(
      names = {"--output-dir", "--target-path"},
      description = "Where compiled/ goes (default: the project's target-path)")
  Path outputDir;

  @Option(
      names = "--quiet",
      description = "Do not print the compiled SQL of a single selected node")
  boolean quiet;

  @Option(
      names = "--no-write",
      hidden = true,
      description = "Compile but write no files (benchmarks)")
  boolean noWrite;

  @Override
  public Integer call() {
    long start = System.nanoTime();
    List<String> errors = new ArrayList<>();
    ProjectSnapshot snapshot = project.snapshot(errors, true);
    List<Problem> selecting = new ArrayList<>();
    List<Node> nodes =
        selector.choose(project, snapshot, selecting).chosen().stream()
            .map(id -> snapshot.manifest().nodes().get(id))
            .filter(n -> n != null && n.type().compiles())
            .toList();
    Path root = snapshot.inputs().root().dir();
    Path out =
        (outputDir != null
                ? outputDir.toAbsolutePath()
                : root.resolve(snapshot.inputs().root().targetPath()))
            .resolve("compiled");
    dev.dbtls.project.Timing.mark("project loaded");
    NodeCompiler compiler = new NodeCompiler(snapshot);
    List<Problem> problems =
        Collections.synchronizedList(new ArrayList<>(snapshot.manifest().problems()));
    problems.addAll(selecting);
    Folders folders = new Folders();
    // compile and write in one parallel pass: file system calls overlap with rendering
    List<Node> work = new ArrayList<>(nodes);
    // models cost far more than data tests and come first in id order: spread them over threads
    Collections.shuffle(work, new java.util.Random(42));
    java.util.concurrent.atomic.AtomicInteger taken =
        new java.util.concurrent.atomic.AtomicInteger();
    ReadAhead ahead = ReadAhead.paths(readPaths(work, noWrite ? null : out), () -> 2 * taken.get());
    List<CompiledNode> compiled;
    try {
      compiled =
          dev.dbtls.project.Parallel.map(
              work,
              n -> {
                taken.incrementAndGet();
                CompiledNode c = compiler.compile(n);
                if (!c.failed() && !noWrite) {
                  Path file = out.resolve(n.packageName()).resolve(outputPath(n));
                  try {
                    folders.write(file, c.sql());
                  } catch (IOException e) {
                    problems.add(
                        Problem.ofFile(
                            file.toString(),
                            ProblemCode.FILE_UNREADABLE,
                            "cannot write: " + e.getMessage()));
                    return new CompiledNode(n, c.sql(), c.problems(), true);
                  }
                }
                return c;
              });
    } finally {
      ahead.stop();
    }
    dev.dbtls.project.Timing.mark(
        ahead.fromDisk()
            ? "compiled and written (files read ahead from disk)"
            : "compiled and written");
    int written = 0;
    int failed = 0;
    for (CompiledNode c : compiled) {
      problems.addAll(c.problems());
      if (c.failed()) {
        failed++;
      } else {
        written++;
      }
    }
    if (compiled.size() == 1 && !compiled.get(0).failed() && !quiet) {
      System.out.print(compiled.get(0).sql());
    }
    int exit = Reporter.report(problems, errors);
    long ms = (System.nanoTime() - start) / 1_000_000;
    System.err.printf(
        "Compiled %d of %d nodes%s in %.2fs %s%n",
        written,
        nodes.size(),
        failed == 0 ? "" : " (" + failed + " failed)",
        ms / 1000.0,
        noWrite ? "(nothing written)" : "into " + displayable(out));
    return failed > 0 ? 1 : exit;
  }

  /**
   * Writes files from many threads, creating each folder once. A thread that finds a folder being
   * created by another waits until it exists: a set of "folders seen" let the second thread write
   * before the first had created it ({@code NoSuchFileException}, 1 compile in 20).
   */
  static final class Folders {
    private final java.util.concurrent.ConcurrentHashMap<Path, Boolean> made =
        new java.util.concurrent.ConcurrentHashMap<>();

    void write(Path file, String text) throws IOException {
      Path dir = file.getParent();
      if (dir != null && !made.containsKey(dir)) {
        try {
          // computeIfAbsent runs once per key; others asking for it wait for the result
          made.computeIfAbsent(
              dir,
              d -> {
                try {
                  Files.createDirectories(d);
                  return Boolean.TRUE;
                } catch (IOException e) {
                  throw new java.io.UncheckedIOException(e);
                }
              });
        } catch (java.io.UncheckedIOException e) {
          throw e.getCause(); // not remembered: the next file of the folder tries again
        }
      }
      byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
      if (Files.isRegularFile(file)
          && Files.size(file) == bytes.length
          && Arrays.equals(Files.readAllBytes(file), bytes)) {
        return; // as compiled before: reading it is cheaper than writing it again
      }
      Files.write(file, bytes);
    }
  }

  /**
   * What compiling each of {@code work} reads, in its order: the node's template (unless a start
   * from the project's files left it in memory), then what was compiled into its output file before
   * ({@link Folders#write} compares). After a start from the linked manifest, with both on disk,
   * reading them one at a time was most of compiling 10k models.
   */
  static List<Path> readPaths(List<Node> work, Path out) {
    List<Path> paths = new ArrayList<>(2 * work.size());
    for (Node n : work) {
      paths.add(n.file() == null || n.file().textRead() ? null : n.file().absolutePath());
      paths.add(out == null ? null : out.resolve(n.packageName()).resolve(outputPath(n)));
    }
    return paths;
  }

  /**
   * Models, analyses, singular tests and snapshots keep their path; YAML tests go under their file.
   */
  static String outputPath(Node n) {
    String p = n.originalFilePath();
    if (n.file() == null) {
      return p + "/" + n.name() + ".sql";
    }
    return p;
  }

  private static String displayable(Path p) {
    Path cwd = Path.of("").toAbsolutePath();
    return p.startsWith(cwd) ? cwd.relativize(p).toString() : p.toString();
  }
}
