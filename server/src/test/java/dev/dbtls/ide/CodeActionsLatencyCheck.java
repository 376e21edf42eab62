package dev.dbtls.ide;

import dev.dbtls.index.Node;
import dev.dbtls.index.compile.ProjectSnapshot;
import dev.dbtls.project.FileSource;
import dev.dbtls.project.LineIndex;
import dev.dbtls.project.Problem;
import dev.dbtls.project.ProblemCode;
import dev.dbtls.project.ProjectInputs;
import dev.dbtls.project.Span;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Manual latency check of {@link CodeActions} on a large project (not a test: timing depends on the
 * machine). Generate one with {@code python3 test-projects/generate.py DIR --models 10000}, then
 * {@code java -cp <classpath> dev.dbtls.ide.CodeActionsLatencyCheck DIR models/.../x.sql}.
 */
public final class CodeActionsLatencyCheck {
  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]).toAbsolutePath().normalize();
    String file = args[1];
    ProjectSnapshot s =
        ProjectSnapshot.load(
            dir, ProjectInputs.Options.defaults(), List.of(), FileSource.DISK, false);
    String text = Files.readString(dir.resolve(file));
    int from = text.indexOf("from ") + 5;
    Node other =
        s.manifest().nodes().values().stream()
            .filter(
                n ->
                    n.relation() != null
                        && n.type() == dev.dbtls.index.ResourceType.MODEL
                        && !n.displayPath().equals(file))
            .findFirst()
            .orElseThrow();
    String typo = text.substring(0, from) + "{{ ref('" + other.name() + "x') }}\n";
    String hardCoded =
        text.substring(0, from)
            + other.relation().schema()
            + "."
            + other.relation().identifier()
            + "\n";
    int at = from + 8;
    Problem p =
        Problem.at(file, new LineIndex(typo).span(from, from + 20), ProblemCode.REF_UNKNOWN, "x");
    Map<String, Object[]> cases =
        Map.of(
            "ref typo", new Object[] {typo, at, List.of(p)},
            "hard-coded", new Object[] {hardCoded, from + 3, List.of()});
    for (var c : cases.entrySet()) {
      String t = (String) c.getValue()[0];
      int off = (int) c.getValue()[1];
      @SuppressWarnings("unchecked")
      List<Problem> ps = (List<Problem>) c.getValue()[2];
      Span cursor = new LineIndex(t).span(off, off);
      List<Long> nanos = new ArrayList<>();
      int size = 0;
      for (int i = 0; i < 300; i++) {
        long t0 = System.nanoTime();
        size = CodeActions.find(s, file, t, cursor, ps).size();
        nanos.add(System.nanoTime() - t0);
      }
      long[] last = nanos.subList(150, 300).stream().mapToLong(Long::longValue).sorted().toArray();
      System.out.printf(
          "%-12s actions %d  p50 %6.2f ms  p99 %6.2f ms%n",
          c.getKey(), size, last[last.length / 2] / 1e6, last[(int) (last.length * 0.99)] / 1e6);
    }
    System.out.println(s.manifest().nodes().size() + " nodes");
  }
}
