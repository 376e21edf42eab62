package dev.dbtls.index.compile;

import dev.dbtls.index.ReadAhead;
import dev.dbtls.jinja.MacroFile;
import dev.dbtls.project.DbtProject;
import dev.dbtls.project.FileKind;
import dev.dbtls.project.FileSource;
import dev.dbtls.project.KeyDigest;
import dev.dbtls.project.ProjectFile;
import dev.dbtls.project.ProjectInputs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A digest of what the renders of one snapshot read, so that a later session can tell that it would
 * render every template as this one did: the text of every project and package file and {@code
 * dbt_project.yml}, every macro the engine loaded (dbt's own included) and the dispatch order, the
 * target as templates see it (credentials redacted), the vars, each seed file's size and
 * modification time, and the values of the environment variables a template names in {@code
 * env_var('...')}. Equal digests mean equal renders, but for what no file holds: the clock ({@code
 * run_started_at}, {@code modules.datetime}) and an {@code env_var} whose name is computed, which
 * is why a result reused under this digest is checked by a render afterwards.
 */
public final class RenderInputs {
  private static final Pattern ENV_VAR = Pattern.compile("env_var\\s*\\(\\s*['\"]([^'\"]+)['\"]");

  private RenderInputs() {}

  /** The digest (hex, {@link KeyDigest}), or null when some input cannot be read. Never throws. */
  static String digest(
      ProjectInputs inputs,
      List<MacroFile> macros,
      Map<String, List<String>> dispatch,
      Map<String, String> env,
      FileSource files) {
    try {
      KeyDigest d = new KeyDigest();
      TreeSet<String> envNames = new TreeSet<>();
      d.put("render-inputs 3"); // 2: files by their fingerprints; 3: KeyDigest
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
      // a warm start's first digest reads every file: from disk ahead of it, when they are there
      AtomicInteger taken = new AtomicInteger();
      ReadAhead ahead = ReadAhead.files(inputs.files(), f -> f.kind() != FileKind.SEED, taken::get);
      try {
        for (ProjectFile f : inputs.files()) {
          taken.incrementAndGet();
          put(d, f, envNames);
        }
      } finally {
        ahead.stop();
      }
      for (MacroFile m : macros) {
        d.put(m.packageName());
        d.put(m.path());
        d.put(m.text());
        envNames(m.text(), envNames);
      }
      d.put(canonical(dispatch));
      for (String name : envNames) {
        d.put(name);
        d.put(env == null ? null : env.get(name));
      }
      return d.hex();
    } catch (RuntimeException e) {
      return null;
    }
  }

  private static void put(KeyDigest d, ProjectFile f, TreeSet<String> envNames) {
    d.put(f.kind().name());
    d.put(f.packageName());
    d.put(String.valueOf(f.absolutePath()));
    if (f.kind() == FileKind.SEED) {
      d.put(stamp(f.absolutePath()));
    } else {
      Fingerprint print = f.memo(Fingerprint.class, Fingerprint::of);
      d.put(print.digest());
      envNames.addAll(print.envNames());
    }
  }

  /**
   * What the digest takes of a project file: its text's digest and the variables it names in {@code
   * env_var('...')}. Kept by the file ({@link ProjectFile#memo}) instead of its text: each build's
   * digest read every file's text again (a warm start does not keep them: 136 MB on 100,000
   * models), and hashed it again.
   */
  record Fingerprint(byte[] digest, List<String> envNames) {
    static Fingerprint of(String text) {
      KeyDigest d = new KeyDigest().put(text);
      List<String> names = new ArrayList<>();
      RenderInputs.envNames(text, names);
      return new Fingerprint(d.bytes(), names.isEmpty() ? List.of() : List.copyOf(names));
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
