package dev.dbtls.index.compile;

import dev.dbtls.index.Macro;
import dev.dbtls.index.Manifest;
import dev.dbtls.index.Node;
import dev.dbtls.index.RelationName;
import dev.dbtls.jinja.MacroFile;
import dev.dbtls.project.DbtProject;
import dev.dbtls.project.FileKind;
import dev.dbtls.project.FileSource;
import dev.dbtls.project.FileText;
import dev.dbtls.project.KeyDigest;
import dev.dbtls.project.ProjectFile;
import dev.dbtls.project.ProjectInputs;
import dev.dbtls.project.properties.ColumnSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the render of one model of a snapshot reads, as a digest per model ({@link #of}), so that a
 * later session can tell that it would render that model's template as this one did, though other
 * files changed since (a {@code git pull}). In two parts:
 *
 * <ul>
 *   <li>what every render reads ({@link #shared}): the target as templates see it (credentials
 *       redacted), the vars, the dbt version, each project's {@code dbt_project.yml}, each seed
 *       file's size and modification time, which macros there are and where (a name a template or
 *       {@code adapter.dispatch} looks up may resolve elsewhere when one is added), the text of the
 *       macros dbtls and dbt ship, the dispatch order, and the values of the environment variables
 *       the {@code dbt_project.yml} files name in {@code env_var('...')};
 *   <li>what the model's own render reads: its file, its final config and relation name, what its
 *       property file gives its context (description, columns; not its tests: a test added or a
 *       neighbour's entry changed renders nothing), the files of the project's and packages' macros
 *       its last render ran, and the values of the environment variables it read (both kept with
 *       its result: {@link dev.dbtls.jinja.RenderReads}).
 * </ul>
 *
 * Its parents' columns and relations are the rest of its restore key ({@code ColumnsKey}). Equal
 * digests mean equal renders, but for what none of these hold, which a render tells as it reads it
 * ({@link dev.dbtls.jinja.RenderReads#unkeyed}: the clock, the {@code graph} of other nodes, ...):
 * a result reused under this digest whose render read any is checked by a render afterwards.
 */
public final class RenderInputs {
  private static final Pattern ENV_VAR = Pattern.compile("env_var\\s*\\(\\s*['\"]([^'\"]+)['\"]");

  private final ProjectInputs inputs;
  private final List<MacroFile> macros;
  private final Map<String, List<String>> dispatch;
  private final Map<String, String> env;
  private final Manifest manifest;
  private final FileSource files;

  /** The project's and packages' macro files by display path. */
  private final Map<String, ProjectFile> byDisplayPath = new HashMap<>();

  private volatile String shared;
  private volatile byte[] everyMacroFile;

  RenderInputs(
      ProjectInputs inputs,
      List<MacroFile> macros,
      Map<String, List<String>> dispatch,
      Map<String, String> env,
      Manifest manifest,
      FileSource files) {
    this.inputs = inputs;
    this.macros = macros;
    this.dispatch = dispatch;
    this.env = env;
    this.manifest = manifest;
    this.files = files;
    for (ProjectFile f : inputs.files()) {
      if (isMacroFile(f)) {
        byDisplayPath.put(inputs.displayPath(f), f);
      }
    }
  }

  private static boolean isMacroFile(ProjectFile f) {
    return f.kind() == FileKind.MACRO || f.kind() == FileKind.GENERIC_TEST;
  }

  /**
   * The digest (hex, {@link KeyDigest}) of what every render reads, computed once; null when some
   * of it cannot be read. Never throws.
   */
  public String shared() {
    String s = shared;
    if (s == null) {
      s = sharedDigest();
      shared = s == null ? "" : s;
    }
    return s == null || s.isEmpty() ? null : s;
  }

  private String sharedDigest() {
    try {
      KeyDigest d = new KeyDigest();
      TreeSet<String> envNames = new TreeSet<>();
      d.put("render-inputs 5"); // 5: the variables a render reads in its own part
      d.put(inputs.target().type());
      d.put(canonical(inputs.target().toJinja()));
      d.put(canonical(inputs.vars().cli()));
      d.put(canonical(inputs.vars().varsFile().vars()));
      d.put(inputs.dbtVersion().toString());
      List<DbtProject> projects = new ArrayList<>();
      projects.add(inputs.root());
      new TreeMap<>(inputs.packages()).values().forEach(projects::add);
      for (DbtProject p : projects) {
        d.put(p.name());
        d.put(String.valueOf(p.dir()));
        String text = files.read(p.dir().resolve(DbtProject.FILE)).orElse("");
        d.put(text);
        envNames(text, envNames);
      }
      for (ProjectFile f : inputs.files()) {
        if (f.kind() == FileKind.SEED) {
          d.put(String.valueOf(f.absolutePath()));
          d.put(stamp(f.absolutePath()));
        }
      }
      for (MacroFile m : macros) {
        d.put(m.packageName());
        d.put(m.path());
        // a project's or package's macro file is in the digest of each model that ran one of its
        // macros; dbtls's own and dbt's are here
        d.put(byDisplayPath.containsKey(m.path()) ? "project file" : m.text());
      }
      for (Map.Entry<String, Macro> e : new TreeMap<>(manifest.macros()).entrySet()) {
        d.put(e.getKey());
        d.put(e.getValue().displayPath());
      }
      d.put(canonical(dispatch));
      putEnv(d, envNames);
      return d.hex();
    } catch (RuntimeException e) {
      return null;
    }
  }

  /**
   * The digest (hex) of what the render of {@code n} reads, over the {@link #shared} part and its
   * own, when it runs {@code macrosRan} (as {@code package.name}: {@code CompiledNode.macros}) and
   * reads the environment variables {@code envVars} (by name, as {@link
   * dev.dbtls.jinja.RenderReads#envVars}: a render that reads the same values of them reads the
   * same names, its other inputs equal); null when some of it cannot be read. Never throws. Reads
   * no file the source vouches for by its stamp (a warm start).
   */
  public String of(Node n, Collection<String> macrosRan, Collection<String> envVars) {
    String s = shared();
    if (s == null || macrosRan == null) {
      return null;
    }
    try {
      KeyDigest d = new KeyDigest().put("model-inputs 3").put(s);
      d.put(n.uniqueId());
      d.put(n.originalFilePath());
      d.put(canonical(n.config()));
      RelationName r = n.relation();
      if (r == null) {
        d.put("no relation");
      } else {
        d.put(r.database()).put(r.schema()).put(r.identifier());
      }
      Map<String, Object> extra = n.extra() == null ? Map.of() : n.extra();
      Object raw = extra.get(Node.RAW_CODE);
      d.put(raw == null ? null : String.valueOf(raw));
      // what its property file gives it, as the model's context holds it (not its tests)
      d.put(String.valueOf(extra.get(Node.PROPERTIES_FILE)));
      d.put(entry(n));
      put(d, n.file());
      putEphemeralParents(d, n, new java.util.HashSet<>());
      for (String id : new TreeSet<>(macrosRan)) {
        d.put(id);
        Macro m = manifest.macros().get("macro." + id);
        ProjectFile f = m == null ? null : byDisplayPath.get(m.displayPath());
        if (f != null) {
          put(d, f);
        } else {
          d.put(everyMacroFile()); // not one the manifest places (a materialization, a test)
        }
      }
      putEnv(d, envVars == null ? List.of() : new TreeSet<>(envVars));
      return d.hex();
    } catch (RuntimeException e) {
      return null;
    }
  }

  /**
   * The ephemeral models {@code n} depends on, at every depth: their renders are part of its
   * compiled SQL (as CTEs), so their files, configs and relations are its inputs too (their macros
   * and environment variables are in its render's reads).
   */
  private void putEphemeralParents(KeyDigest d, Node n, java.util.Set<String> seen) {
    for (String id : n.dependsOn()) {
      Node p = manifest.nodes().get(id);
      if (p != null && "ephemeral".equals(p.materialized()) && seen.add(id)) {
        d.put(id);
        d.put(canonical(p.config()));
        Object raw = p.extra() == null ? null : p.extra().get(Node.RAW_CODE);
        d.put(raw == null ? null : String.valueOf(raw));
        d.put(entry(p));
        put(d, p.file());
        putEphemeralParents(d, p, seen);
      }
    }
  }

  /**
   * A model's description, constraints and columns (name, description, type, quoting, constraints,
   * meta, tags) as one text: one digest step per model, not seven per column (a restore makes this
   * for every model, whose property files often declare ten columns or more).
   */
  private static String entry(Node n) {
    StringBuilder b = new StringBuilder(256);
    canonical(n.description(), b);
    canonical(n.extra() == null ? null : n.extra().get("constraints"), b);
    if (n.columns() != null) {
      for (ColumnSpec c : n.columns()) {
        b.append('|');
        canonical(c.name(), b);
        canonical(c.description(), b);
        canonical(c.dataType(), b);
        canonical(c.quote(), b);
        canonical(c.constraints(), b);
        canonical(c.meta(), b);
        canonical(c.tags(), b);
      }
    }
    return b.toString();
  }

  /** The fingerprints of every project and package macro file, in order, once. */
  private byte[] everyMacroFile() {
    byte[] b = everyMacroFile;
    if (b == null) {
      KeyDigest d = new KeyDigest();
      for (ProjectFile f : inputs.files()) {
        if (isMacroFile(f)) {
          put(d, f);
        }
      }
      b = d.bytes();
      everyMacroFile = b;
    }
    return b;
  }

  /** A file by its place and its text's hash: the one its source vouched for, else its own. */
  private static void put(KeyDigest d, ProjectFile f) {
    if (f == null) {
      d.put("no file");
      return;
    }
    d.put(f.packageName());
    d.put(String.valueOf(f.absolutePath()));
    long hash = f.vouchedTextHash();
    d.put(Long.toHexString(hash != 0 ? hash : print(f).hash()));
  }

  private void putEnv(KeyDigest d, Collection<String> names) {
    for (String name : names) {
      d.put(name);
      d.put(env == null ? null : env.get(name));
    }
  }

  private static Fingerprint print(ProjectFile f) {
    return f.memo(Fingerprint.class, Fingerprint::of);
  }

  /**
   * What a digest takes of a project file: its text's {@link FileText#hash}. Kept by the file
   * ({@link ProjectFile#memo}) instead of its text: a warm start does not keep the texts (136 MB on
   * 100,000 models), and each build would hash them again.
   */
  record Fingerprint(long hash) {
    static Fingerprint of(String text) {
      return new Fingerprint(FileText.hash(text == null ? "" : text));
    }
  }

  private static void envNames(String text, Collection<String> out) {
    if (text == null || !text.contains("env_var")) {
      return;
    }
    Matcher m = ENV_VAR.matcher(text);
    while (m.find()) {
      out.add(m.group(1));
    }
  }

  /** A seed by its size and modification time: introspection reads its header and values. */
  private static String stamp(Path file) {
    try {
      return file == null
          ? "-"
          : Files.size(file) + ":" + Files.getLastModifiedTime(file).toMillis();
    } catch (java.io.IOException | RuntimeException e) {
      return "unread";
    }
  }

  /** Maps by key, lists in order, scalars with their type: one text for one value. */
  static String canonical(Object value) {
    StringBuilder b = new StringBuilder();
    canonical(value, b);
    return b.toString();
  }

  private static void canonical(Object value, StringBuilder b) {
    if (value instanceof Map<?, ?> m) {
      TreeMap<String, Object> sorted = new TreeMap<>();
      m.forEach((k, v) -> sorted.put(String.valueOf(k), v));
      b.append('{');
      sorted.forEach(
          (k, v) -> {
            b.append(k.length()).append(':').append(k).append('=');
            canonical(v, b);
            b.append(',');
          });
      b.append('}');
    } else if (value instanceof Collection<?> c) {
      b.append('[');
      c.forEach(
          v -> {
            canonical(v, b);
            b.append(',');
          });
      b.append(']');
    } else if (value == null) {
      b.append('~');
    } else {
      String s = value.toString();
      b.append(value.getClass().getSimpleName()).append(s.length()).append(':').append(s);
    }
  }
}
