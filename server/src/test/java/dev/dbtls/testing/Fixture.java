package dev.dbtls.testing;

import dev.dbtls.index.compile.ProjectSnapshot;
import dev.dbtls.project.FileSource;
import dev.dbtls.project.ProjectInputs;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A whole mini project in one string: files start with a {@code -- file: path} line (any file
 * type), an optional {@code $0} marks the cursor. Files live in memory under {@link #ROOT}.
 */
public final class Fixture implements FileSource {
  public static final Path ROOT = Path.of("/fixture/project");
  private static final String DEFAULT_PROJECT = "name: shop\nprofile: shop\n";
  private static final String DEFAULT_PROFILES =
      "shop:\n  target: dev\n  outputs:\n    dev:\n      type: duckdb\n      path: shop.duckdb\n";

  private final Map<Path, String> files = new LinkedHashMap<>();
  private Path cursorFile;
  private int cursorOffset = -1;

  public static Fixture of(String spec) {
    Fixture f = new Fixture();
    String current = null;
    StringBuilder body = new StringBuilder();
    for (String line : spec.split("\n", -1)) {
      if (line.startsWith("-- file: ")) {
        if (current != null) {
          f.put(current, body.toString());
        }
        current = line.substring("-- file: ".length()).trim();
        body.setLength(0);
      } else if (current != null) {
        body.append(line).append('\n');
      }
    }
    if (current != null) {
      f.put(current, body.toString());
    }
    f.files.putIfAbsent(ROOT.resolve("dbt_project.yml"), DEFAULT_PROJECT);
    f.files.putIfAbsent(ROOT.resolve("profiles.yml"), DEFAULT_PROFILES);
    return f;
  }

  private void put(String path, String text) {
    String t = text.endsWith("\n\n") ? text.substring(0, text.length() - 1) : text;
    int c = t.indexOf("$0");
    Path p = ROOT.resolve(path).normalize();
    if (c >= 0) {
      cursorFile = p;
      cursorOffset = c;
      t = t.substring(0, c) + t.substring(c + 2);
    }
    files.put(p, t);
  }

  public Path cursorFile() {
    return cursorFile;
  }

  public int cursorOffset() {
    return cursorOffset;
  }

  public String text(String relative) {
    return files.get(ROOT.resolve(relative));
  }

  public ProjectInputs load() {
    return load(Map.of(), Map.of());
  }

  public ProjectInputs load(Map<String, Object> vars, Map<String, String> env) {
    return ProjectInputs.load(ROOT, options(null, vars, env), this);
  }

  /** The project loaded as the editor has it after a build (no CLI vars, no environment). */
  public ProjectSnapshot snapshot() {
    return snapshot(null, Map.of(), Map.of());
  }

  /**
   * The project loaded with {@code target} (null: the profile's), CLI {@code vars} and {@code env}.
   */
  public ProjectSnapshot snapshot(
      String target, Map<String, Object> vars, Map<String, String> env) {
    return ProjectSnapshot.load(ROOT, options(target, vars, env), List.of(), this, false);
  }

  /**
   * The options of a project on disk whose profiles.yml is in {@code dir}, with a home that holds
   * nothing.
   */
  public static ProjectInputs.Options profilesIn(Path dir) {
    return new ProjectInputs.Options(dir, null, null, Map.of(), Map.of("HOME", "/nonexistent"));
  }

  /**
   * The options every fixture loads with: the project's own profile, {@code env} with a {@code
   * HOME} that holds nothing (no user's profiles.yml leaks in).
   */
  public static ProjectInputs.Options options(
      String target, Map<String, Object> vars, Map<String, String> env) {
    Map<String, String> e = new LinkedHashMap<>(env);
    e.putIfAbsent("HOME", "/fixture/home");
    return new ProjectInputs.Options(null, null, target, vars, e);
  }

  @Override
  public Optional<String> read(Path file) {
    return Optional.ofNullable(files.get(file.toAbsolutePath().normalize()));
  }

  @Override
  public boolean isDirectory(Path dir) {
    String prefix = dir.toAbsolutePath().normalize() + "/";
    return files.keySet().stream().anyMatch(p -> p.toString().startsWith(prefix));
  }

  @Override
  public List<Path> list(Path dir, Set<String> suffixes) {
    Path d = dir.toAbsolutePath().normalize();
    List<Path> out = new ArrayList<>();
    for (Path p : files.keySet()) {
      if (p.startsWith(d)
          && !p.equals(d)
          && suffixes.stream().anyMatch(s -> p.toString().endsWith(s))) {
        out.add(p);
      }
    }
    out.sort(null);
    return out;
  }
}
