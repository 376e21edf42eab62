package dev.dbtls.ide;

import dev.dbtls.index.compile.ProjectSnapshot;
import dev.dbtls.project.FileKind;
import dev.dbtls.project.ProjectFile;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;

/**
 * Which names the property files of a project describe, per package and section ({@code models},
 * {@code seeds}, ...), for YAML completion's "not described yet" ranking. One instance per project,
 * in its {@link ProjectFacts}: unchanged files keep their text object from one snapshot to the
 * next, so a rebuilt snapshot cuts only the changed file again.
 */
final class DescribedNames {
  /** Per file text, weakly: a text no snapshot holds any more goes with it. */
  private final Map<String, Map<String, Set<String>>> byText = new WeakHashMap<>();

  /** Name → display path of the file describing it, for one package and section. */
  Map<String, String> of(ProjectSnapshot s, String pkg, String section) {
    return SnapshotData.of(s).described(() -> cut(s)).getOrDefault(pkg + "/" + section, Map.of());
  }

  private Map<String, Map<String, String>> cut(ProjectSnapshot s) {
    Map<String, Map<String, String>> all = new HashMap<>();
    for (ProjectFile f : s.inputs().files()) {
      if (f.kind() != FileKind.PROPERTIES) {
        continue;
      }
      String path = s.inputs().displayPath(f);
      for (var e : namesOf(f.text()).entrySet()) {
        Map<String, String> names =
            all.computeIfAbsent(f.packageName() + "/" + e.getKey(), k -> new HashMap<>());
        e.getValue().forEach(n -> names.putIfAbsent(n, path));
      }
    }
    return all;
  }

  private Map<String, Set<String>> namesOf(String text) {
    synchronized (byText) {
      Map<String, Set<String>> known = byText.get(text);
      if (known != null) {
        return known;
      }
    }
    Map<String, Set<String>> names = names(text);
    synchronized (byText) {
      byText.put(text, names);
    }
    return names;
  }

  /** The {@code name}s of the items of each top-level list of a property file. */
  static Map<String, Set<String>> names(String text) {
    Map<String, Set<String>> out = new HashMap<>();
    String section = null;
    int keyCol = -1;
    for (String raw : text.split("\n", -1)) {
      String line = raw.endsWith("\r") ? raw.substring(0, raw.length() - 1) : raw;
      if (line.isEmpty() || line.charAt(0) == '#') {
        continue;
      }
      if (line.charAt(0) != ' ' && line.charAt(0) != '-') {
        YamlCursor.Line top = YamlCursor.parse(line);
        section = top.key();
        keyCol = -1;
        continue;
      }
      if (section == null || line.indexOf("name") < 0 && keyCol >= 0) {
        continue; // most lines: cheap to pass over
      }
      YamlCursor.Line l = YamlCursor.parse(line);
      if (l.blank()) {
        continue;
      }
      if (keyCol < 0 && !l.dashes().isEmpty()) {
        keyCol = l.contentColumn();
      }
      if (keyCol >= 0
          && "name".equals(l.key())
          && l.keyColumn() == keyCol
          && (l.dashes().size() == 1 || l.dashes().isEmpty() && l.indent() == keyCol)) {
        out.computeIfAbsent(section, k -> new HashSet<>()).add(YamlCursor.unquote(l.value()));
      }
    }
    return out;
  }
}
