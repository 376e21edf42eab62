package dev.dbtls.limits;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.dbtls.ide.Analysis;
import dev.dbtls.index.Node;
import dev.dbtls.index.compile.CompiledNode;
import dev.dbtls.index.compile.NodeCompiler;
import dev.dbtls.index.compile.ProjectSnapshot;
import dev.dbtls.project.FileSource;
import dev.dbtls.project.Problem;
import dev.dbtls.project.ProjectInputs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Random mutations of the test projects' files (jaffle_shop and the broken project): cut short,
 * bytes flipped, lines doubled or dropped, deep nesting, huge strings, unbalanced Jinja and YAML
 * brackets, alias bombs, string doubling. Each case loads the project, compiles every node, runs
 * the editor's diagnostics on the mutated files and a few features at random places, and must end
 * within {@link #PER_CASE} without an exception or Error escaping. Cases come from a fixed list of
 * seeds, so a failure names the seed that reproduces it ({@code -Ddbtls.fuzzSeeds=FROM-TO} runs
 * others; {@code -Ddbtls.fuzzSeeds=1-2000} is a longer hunt by hand).
 */
class ProjectFuzzTest {
  private static final Duration PER_CASE = Duration.ofSeconds(20);
  private static final Map<String, String> ENV = Map.of("HOME", "/nonexistent");

  /** A mutation: a text and a random source to a new text. */
  private record Mutation(String name, BiFunction<String, Random, String> apply) {}

  private static final String BOMB =
      "lol: &l0 [x, x, x, x, x, x, x, x, x]\n"
          + "l1: &l1 [*l0, *l0, *l0, *l0, *l0, *l0, *l0, *l0, *l0]\n"
          + "l2: &l2 [*l1, *l1, *l1, *l1, *l1, *l1, *l1, *l1, *l1]\n"
          + "l3: &l3 [*l2, *l2, *l2, *l2, *l2, *l2, *l2, *l2, *l2]\n"
          + "l4: &l4 [*l3, *l3, *l3, *l3, *l3, *l3, *l3, *l3, *l3]\n"
          + "l5: &l5 [*l4, *l4, *l4, *l4, *l4, *l4, *l4, *l4, *l4]\n"
          + "l6: &l6 [*l5, *l5, *l5, *l5, *l5, *l5, *l5, *l5, *l5]\n"
          + "l7: &l7 [*l6, *l6, *l6, *l6, *l6, *l6, *l6, *l6, *l6]\n"
          + "l8: &l8 [*l7, *l7, *l7, *l7, *l7, *l7, *l7, *l7, *l7]\n";

  private static final String[] JUNK = {
    "{{",
    "}}",
    "{%",
    "%}",
    "{#",
    "#}",
    "{{ ref(",
    "{% if x %}",
    "{% endif %}",
    "{% for x in y %}",
    "{% endfor %}",
    "{% macro m() %}",
    "{% endmacro %}",
    "[",
    "]",
    "{",
    "}",
    "(",
    ")",
    "'",
    "\"",
    ": ",
    "- ",
    "\t",
    "&a ",
    "*a",
    "<<: *a\n",
    "? ",
    "|\n",
    ">-\n",
    "---\n",
    "...\n",
    "%YAML 1.1\n",
    "!!python/object ",
    "\u0000",
    "\uFEFF",
    "\uD800",
    "é",
    "\r",
    "{{ config(materialized=",
    "{{ var(",
    "{{ source('",
    "{% set x = %}",
    "{{ x | }}",
    "}}}}"
  };

  private static final List<Mutation> MUTATIONS =
      List.of(
          new Mutation("truncate", (t, r) -> t.substring(0, r.nextInt(t.length() + 1))),
          new Mutation(
              "flip bytes",
              (t, r) -> {
                char[] c = t.toCharArray();
                for (int i = 0, n = 1 + r.nextInt(8); i < n && c.length > 0; i++) {
                  c[r.nextInt(c.length)] =
                      (char) (r.nextBoolean() ? r.nextInt(128) : r.nextInt(0x10000));
                }
                return new String(c);
              }),
          new Mutation("duplicate lines", (t, r) -> lines(t, r, (ls, i) -> ls.add(i, ls.get(i)))),
          new Mutation("remove lines", (t, r) -> lines(t, r, (ls, i) -> ls.remove((int) i))),
          new Mutation(
              "swap lines",
              (t, r) -> lines(t, r, (ls, i) -> ls.add(r.nextInt(ls.size()), ls.remove((int) i)))),
          new Mutation("junk", (t, r) -> insert(t, r, JUNK[r.nextInt(JUNK.length)])),
          new Mutation(
              "deep brackets",
              (t, r) -> {
                int n = 150 + r.nextInt(3000);
                String open = String.valueOf("[({".charAt(r.nextInt(3)));
                String close = open.equals("[") ? "]" : open.equals("(") ? ")" : "}";
                return insert(t, r, open.repeat(n) + (r.nextBoolean() ? close.repeat(n) : ""));
              }),
          new Mutation(
              "deep jinja",
              (t, r) -> {
                int n = 150 + r.nextInt(3000);
                return switch (r.nextInt(3)) {
                  case 0 -> insert(t, r, "{{ " + "(".repeat(n) + "1" + ")".repeat(n) + " }}");
                  case 1 -> insert(t, r, "{% if true %}".repeat(n) + "x" + "{% endif %}".repeat(n));
                  default -> insert(t, r, "{{ " + "[".repeat(n) + "]".repeat(n) + " }}");
                };
              }),
          new Mutation(
              "deep yaml",
              (t, r) ->
                  insert(
                      t,
                      r,
                      "\n"
                          + "  ".repeat(r.nextInt(3))
                          + "deep: "
                          + "[".repeat(201 + r.nextInt(3000))
                          + "]".repeat(r.nextInt(2) * 3201)
                          + "\n")),
          new Mutation(
              "deep block yaml",
              (t, r) -> {
                StringBuilder b = new StringBuilder("\n");
                for (int i = 0, n = 150 + r.nextInt(200); i < n; i++) {
                  b.append(" ".repeat(i)).append("- k").append(i).append(":\n");
                }
                return insert(t, r, b.toString());
              }),
          new Mutation(
              "huge string", (t, r) -> insert(t, r, "x".repeat(100_000 + r.nextInt(1_000_000)))),
          new Mutation(
              "huge key",
              (t, r) -> insert(t, r, "\n" + "k".repeat(2000 + r.nextInt(1_000_000)) + ": 1\n")),
          new Mutation("alias bomb", (t, r) -> BOMB + t + "\nbomb: *l8\n"),
          new Mutation(
              "jinja doubling",
              (t, r) ->
                  insert(
                      t,
                      r,
                      "{% set ns = namespace(s='x') %}{% for i in range(40) %}{% set ns.s = ns.s ~ ns.s %}{% endfor %}")),
          new Mutation(
              "jinja repeat",
              (t, r) ->
                  insert(
                      t, r, "{{ 'x' * " + (r.nextBoolean() ? "2000000000" : "10000001") + " }}")),
          new Mutation(
              "jinja recursion",
              (t, r) ->
                  insert(
                      t, r, "{% macro again(n) %}{{ again(n + 1) }}{% endmacro %}{{ again(0) }}")));

  private static String lines(
      String t, Random r, java.util.function.BiConsumer<List<String>, Integer> edit) {
    List<String> ls = new ArrayList<>(List.of(t.split("\n", -1)));
    for (int i = 0, n = 1 + r.nextInt(4); i < n && !ls.isEmpty(); i++) {
      edit.accept(ls, r.nextInt(ls.size()));
    }
    return String.join("\n", ls);
  }

  private static String insert(String t, Random r, String piece) {
    int at = r.nextInt(t.length() + 1);
    return t.substring(0, at) + piece + t.substring(at);
  }

  private static Path projects() {
    return Path.of(System.getProperty("dbtls.repoRoot", ".."))
        .resolve("test-projects")
        .toAbsolutePath()
        .normalize();
  }

  /** A project's files that dbtls reads as text, by absolute path, in a fixed order. */
  private static Map<Path, String> files(Path root) throws IOException {
    Map<Path, String> out = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.filter(Files::isRegularFile).toList()) {
        String n = p.toString();
        if (!n.contains("/target/")
            && !n.contains("/logs/")
            && (n.endsWith(".sql")
                || n.endsWith(".yml")
                || n.endsWith(".yaml")
                || n.endsWith(".md")
                || n.endsWith(".csv"))) {
          out.put(p, Files.readString(p));
        }
      }
    }
    return out;
  }

  @Test
  @org.junit.jupiter.api.Timeout(value = 300) // a ceiling for CI; the 48 cases take 10-30 s
  void mutatedProjectsNeverCrashOrHang() throws IOException {
    String[] range = System.getProperty("dbtls.fuzzSeeds", "1-48").split("-");
    List<Path> roots = List.of(projects().resolve("jaffle_shop"), projects().resolve("broken"));
    Map<Path, Map<Path, String>> originals = new HashMap<>();
    for (Path root : roots) {
      originals.put(root, files(root));
    }
    long start = System.nanoTime();
    int cases = 0;
    for (long seed = Long.parseLong(range[0]); seed <= Long.parseLong(range[1]); seed++) {
      Random r = new Random(seed);
      Path root = roots.get(r.nextInt(roots.size()));
      Map<Path, String> texts = new HashMap<>(originals.get(root));
      List<Path> paths = new ArrayList<>(new TreeMap<>(texts).keySet());
      List<String> applied = new ArrayList<>();
      List<Path> victims = new ArrayList<>();
      for (int v = 0, n = 1 + r.nextInt(3); v < n; v++) {
        Path victim = paths.get(r.nextInt(paths.size()));
        Mutation m = MUTATIONS.get(r.nextInt(MUTATIONS.size()));
        texts.put(victim, m.apply().apply(texts.get(victim), r));
        applied.add(m.name() + " in " + root.relativize(victim));
        victims.add(victim);
      }
      long featureSeed = r.nextLong();
      String what =
          "seed " + seed + " (" + root.getFileName() + ": " + String.join(", ", applied) + ")";
      try {
        assertTimeoutPreemptively(
            PER_CASE,
            () -> run(root, texts, victims, new Random(featureSeed), what),
            () -> what + " took longer than " + PER_CASE.toSeconds() + " s");
      } catch (org.opentest4j.AssertionFailedError e) {
        throw e; // too slow, or a problem without a place or message
      } catch (RuntimeException | Error e) {
        fail(what + " threw " + e, e);
      }
      cases++;
    }
    long seconds = (System.nanoTime() - start) / 1_000_000_000L;
    System.err.println("ProjectFuzzTest: " + cases + " cases in " + seconds + " s");
  }

  private static void run(
      Path root, Map<Path, String> texts, List<Path> victims, Random r, String what) {
    ProjectSnapshot s =
        ProjectSnapshot.load(
            root,
            new ProjectInputs.Options(root, null, null, Map.of(), ENV),
            List.of(),
            overlay(texts),
            true);
    NodeCompiler compiler = new NodeCompiler(s);
    List<Problem> problems = new ArrayList<>(s.manifest().problems());
    problems.addAll(s.inputs().problems());
    for (Node n : s.manifest().nodes().values()) {
      if (n.type().compiles()) {
        CompiledNode c = compiler.compile(n);
        problems.addAll(c.problems());
      }
    }
    Analysis analysis = Analysis.strict(s);
    Map<Path, List<Problem>> diagnostics = analysis.diagnostics(victims);
    diagnostics.values().forEach(problems::addAll);
    for (Path victim : victims) {
      String display = root.relativize(victim).toString().replace('\\', '/');
      String text = texts.get(victim);
      Analysis.Cursor whole = Analysis.Cursor.document(display, text);
      Analysis.documentSymbols(whole);
      Analysis.foldingRanges(whole);
      Analysis.semanticTokens(whole);
      analysis.documentLinks(whole);
      analysis.codeLenses(whole);
      for (int i = 0; i < 3; i++) {
        Analysis.Cursor at =
            new Analysis.Cursor(display, text, text.isEmpty() ? 0 : r.nextInt(text.length() + 1));
        analysis.hover(at);
        analysis.definition(at);
        analysis.completion(at);
        analysis.highlights(at);
      }
    }
    for (Problem p : problems) {
      assertTrue(p.line() >= 0 && p.column() >= 0, () -> what + ": " + p.format());
      assertTrue(
          !p.message().isBlank() && !p.message().equals("null"), () -> what + ": " + p.format());
    }
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
