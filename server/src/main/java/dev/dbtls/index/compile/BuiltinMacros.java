package dev.dbtls.index.compile;

import dev.dbtls.jinja.MacroFile;
import dev.dbtls.project.FileSource;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * dbt's own macros (namespace {@code dbt}): ours, shipped in the jar, then — overriding them — the
 * user's dbt installation when one is found, then every {@code --builtin-macros} folder.
 */
public final class BuiltinMacros {
  private static final String RESOURCES = "/dbtls/macros/";

  private BuiltinMacros() {}

  public static List<MacroFile> load(
      String adapterType, List<Path> extraDirs, Map<String, String> env, FileSource files) {
    List<MacroFile> out = new ArrayList<>(shipped());
    discoverDbtInstallation(adapterType, env).forEach(dir -> out.addAll(fromDir(dir, files)));
    for (Path dir : extraDirs) {
      out.addAll(fromDir(dir, files));
    }
    out.add(0, warehouse(adapterType, out));
    return out;
  }

  /** The macros we ship: our own implementations of dbt's common cross-database macros. */
  public static List<MacroFile> shipped() {
    List<MacroFile> out = new ArrayList<>();
    String index = resource("INDEX");
    if (index == null) {
      return out;
    }
    for (String line : index.split("\n")) {
      String name = line.trim();
      if (!name.isEmpty() && !name.startsWith("#")) {
        String text = resource(name);
        if (text != null) {
          out.add(new MacroFile("dbt", MacroFile.BUILTIN_PREFIX + "macros/" + name, text));
        }
      }
    }
    return out;
  }

  /**
   * dbt's macros that only a live warehouse can answer (a materialization's DDL and DML, grants,
   * catalog queries), named in {@code warehouse_only.txt} for dbt's global project and per adapter:
   * each resolves (for the adapter and the adapters it inherits from) to a macro that renders
   * nothing and says so ({@code warehouse-macro}), never to "undefined". Loaded first, so that any
   * real definition (ours, the dbt installation's, the project's) wins.
   */
  static MacroFile warehouse(String adapterType, List<MacroFile> real) {
    List<String> lineage = dev.dbtls.project.Adapter.of(adapterType).lineage();
    List<String> sections = new ArrayList<>(List.of("global"));
    sections.addAll(lineage);
    Set<String> defined = new java.util.HashSet<>();
    for (MacroFile f : real) {
      java.util.regex.Matcher m = MACRO_NAME.matcher(f.text());
      while (m.find()) {
        defined.add(m.group(1));
      }
    }
    StringBuilder sb = new StringBuilder();
    String list = resource("warehouse_only.txt");
    String section = null;
    for (String line : list == null ? new String[0] : list.split("\n")) {
      String l = line.strip();
      if (l.startsWith("[") && l.endsWith("]")) {
        section = l.substring(1, l.length() - 1);
      } else if (!l.isEmpty()
          && !l.startsWith("#")
          && sections.contains(section)
          && !dispatchesToReal(l, lineage, defined)) {
        sb.append("{% macro ")
            .append(l)
            .append("() %}{{ return(dbtls_warehouse_macro('")
            .append(l)
            .append("', varargs, kwargs)) }}{% endmacro %}\n");
      }
    }
    return new MacroFile(
        "dbt", MacroFile.BUILTIN_PREFIX + "macros/warehouse_only.sql", sb.toString());
  }

  private static final java.util.regex.Pattern MACRO_NAME =
      java.util.regex.Pattern.compile("\\{%-?\\s*macro\\s+([A-Za-z_][A-Za-z0-9_]*)");

  /**
   * Whether a real macro answers {@code name}: itself, or — for {@code <adapter>__x} — what {@code
   * adapter.dispatch('x')} would find among the adapter's lineage and {@code default__x}; a
   * placeholder must never hide a real implementation from dispatch.
   */
  private static boolean dispatchesToReal(String name, List<String> lineage, Set<String> defined) {
    if (defined.contains(name)) {
      return true;
    }
    int sep = name.indexOf("__");
    if (sep <= 0) {
      return false;
    }
    String base = name.substring(sep + 2);
    if (defined.contains("default__" + base)) {
      return true;
    }
    return lineage.stream().anyMatch(p -> defined.contains(p + "__" + base));
  }

  private static String resource(String name) {
    try (InputStream in = BuiltinMacros.class.getResourceAsStream(RESOURCES + name)) {
      return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return null;
    }
  }

  private static List<MacroFile> fromDir(Path dir, FileSource files) {
    List<MacroFile> out = new ArrayList<>();
    for (Path f : files.list(dir, Set.of(".sql"))) {
      files.read(f).ifPresent(t -> out.add(new MacroFile("dbt", f.toString(), t)));
    }
    return out;
  }

  /**
   * dbt-core's global project and the adapter's macros in a Python site-packages folder, found by
   * looking where pip installs them (no Python is run).
   */
  static List<Path> discoverDbtInstallation(String adapterType, Map<String, String> env) {
    List<Path> roots = new ArrayList<>();
    if (env.get("VIRTUAL_ENV") != null) {
      roots.add(Path.of(env.get("VIRTUAL_ENV"), "lib"));
    }
    String home = env.get("HOME");
    if (home != null) {
      roots.add(Path.of(home, ".local", "lib"));
    }
    roots.add(Path.of("/usr/local/lib"));
    roots.add(Path.of("/usr/lib"));
    List<Path> out = new ArrayList<>();
    for (Path root : roots) {
      try (Stream<Path> pythons = Files.isDirectory(root) ? Files.list(root) : Stream.empty()) {
        for (Path py :
            pythons.filter(p -> p.getFileName().toString().startsWith("python3")).toList()) {
          for (String site : List.of("site-packages", "dist-packages")) {
            Path include = py.resolve(site).resolve("dbt").resolve("include");
            Path global = include.resolve("global_project").resolve("macros");
            if (Files.isDirectory(global)) {
              out.add(global);
              Path adapter = include.resolve(adapterType).resolve("macros");
              if (Files.isDirectory(adapter)) {
                out.add(adapter);
              }
              return out;
            }
          }
        }
      } catch (IOException e) {
        // an unreadable folder is simply not an installation
      }
    }
    return out;
  }
}
