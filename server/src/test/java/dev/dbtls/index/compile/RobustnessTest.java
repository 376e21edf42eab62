package dev.dbtls.index.compile;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.dbtls.index.Node;
import dev.dbtls.project.FileSource;
import dev.dbtls.project.Problem;
import dev.dbtls.testing.Fixture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Half-typed and broken files never break loading, indexing or compiling: the sample project with
 * one file cut short or given a stray delimiter, many times over (fixed seed, so reproducible).
 */
class RobustnessTest {
  private static final String[] JUNK = {
    "{{",
    "{%",
    "%}",
    "}}",
    "{#",
    "'",
    "\"",
    ":",
    "- ",
    "[",
    "(",
    "{{ ref(",
    "{% if x %}",
    "{% endfor %}",
    "\n  bad: [",
    "{{ config(materialized=",
    "\t"
  };

  @Test
  void mutatedFilesGiveProblemsNeverExceptions() throws IOException {
    Path root = TestProjects.dir("jaffle_shop");
    Map<Path, String> original = new HashMap<>();
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.filter(Files::isRegularFile).toList()) {
        String n = p.toString();
        if (!n.contains("/target/")
            && (n.endsWith(".sql") || n.endsWith(".yml") || n.endsWith(".md"))) {
          original.put(p, Files.readString(p));
        }
      }
    }
    List<Path> files = new ArrayList<>(original.keySet());
    files.sort(null);
    Random random = new Random(Long.getLong("dbtls.seed", 7));
    int compiled = 0;
    for (int round = 0; round < Integer.getInteger("dbtls.rounds", 60); round++) {
      Map<Path, String> texts = new HashMap<>(original);
      Path victim = files.get(random.nextInt(files.size()));
      String t = texts.get(victim);
      int at = t.isEmpty() ? 0 : random.nextInt(t.length());
      texts.put(
          victim,
          random.nextBoolean()
              ? t.substring(0, at)
              : t.substring(0, at) + JUNK[random.nextInt(JUNK.length)] + t.substring(at));
      try {
        ProjectSnapshot s =
            ProjectSnapshot.load(root, Fixture.profilesIn(root), List.of(), overlay(texts), true);
        NodeCompiler compiler = new NodeCompiler(s);
        for (Node n : s.manifest().nodes().values()) {
          if (n.type().compiles()) {
            CompiledNode c = compiler.compile(n);
            compiled++;
            for (Problem p : c.problems()) {
              assertTrue(
                  !p.message().startsWith("internal error"),
                  () -> "round with " + victim + ": " + p.format());
            }
          }
        }
        s.manifest()
            .problems()
            .forEach(p -> assertTrue(p.line() >= 0 && p.column() >= 0, p.format()));
      } catch (RuntimeException | StackOverflowError e) {
        fail("mutating " + root.relativize(victim) + " at " + at + " threw " + e, e);
      }
    }
    assertTrue(compiled > 1000, "nodes compiled: " + compiled);
  }

  /** The disk, with some files' texts replaced. */
  private static FileSource overlay(Map<Path, String> texts) {
    return new FileSource() {
      @Override
      public Optional<String> read(Path file) {
        String t = texts.get(file.toAbsolutePath().normalize());
        return t != null ? Optional.of(t) : FileSource.DISK.read(file);
      }

      @Override
      public boolean isDirectory(Path dir) {
        return FileSource.DISK.isDirectory(dir);
      }

      @Override
      public List<Path> list(Path dir, Set<String> suffixes) {
        return FileSource.DISK.list(dir, suffixes);
      }
    };
  }
}
