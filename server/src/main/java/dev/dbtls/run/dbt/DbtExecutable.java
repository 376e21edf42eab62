package dev.dbtls.run.dbt;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The user's dbt: an executable file and where it was found. {@link #find} looks where a dbt user
 * keeps it — the setting {@code dbtls.dbt.path}, then a virtual environment of the project or of a
 * folder above it ({@code .venv}, {@code venv}, {@code env}), then {@code PATH} — and, when there
 * is none, says everywhere it looked.
 *
 * @param path the executable
 * @param how where it was found: {@code dbtls.dbt.path}, {@code virtual environment} or {@code
 *     PATH}
 */
public record DbtExecutable(Path path, String how) {

  /** Folders of virtual environments, in the order dbt users name them. */
  static final List<String> VENVS = List.of(".venv", "venv", "env");

  /** Either a dbt or why there is none (everywhere looked). */
  public record Found(DbtExecutable dbt, List<String> searched, String error) {
    public boolean ok() {
      return dbt != null;
    }
  }

  /**
   * Finds dbt for a project: {@code configured} (the setting; when given it must be an executable
   * file, nothing else is tried), else the virtual environments of {@code root} and of the folders
   * above it up to the repository's top (the first with {@code .git}, at most four up), else the
   * folders of {@code PATH} in {@code env}.
   */
  public static Found find(Path configured, Path root, Map<String, String> env, boolean windows) {
    List<String> searched = new ArrayList<>();
    if (configured != null) {
      Path p = configured.toAbsolutePath().normalize();
      if (runnable(p)) {
        return new Found(new DbtExecutable(p, "dbtls.dbt.path"), List.of(p.toString()), null);
      }
      return new Found(
          null,
          List.of(p.toString()),
          "the dbt given (dbtls.dbt.path, --dbt-path), "
              + p
              + (Files.isRegularFile(p) ? ", is not executable" : ", does not exist"));
    }
    for (Path dir : venvRoots(root)) {
      for (String venv : VENVS) {
        Path p =
            windows
                ? dir.resolve(venv).resolve("Scripts").resolve("dbt.exe")
                : dir.resolve(venv).resolve("bin").resolve("dbt");
        searched.add(p.toString());
        if (runnable(p)) {
          return new Found(new DbtExecutable(p, "virtual environment"), searched, null);
        }
      }
    }
    String path = env.getOrDefault("PATH", env.getOrDefault("Path", ""));
    for (String folder : path.split(java.io.File.pathSeparator)) {
      if (folder.isBlank()) {
        continue;
      }
      for (String name : windows ? List.of("dbt.exe", "dbt.cmd", "dbt.bat") : List.of("dbt")) {
        Path p;
        try {
          p = Path.of(folder).resolve(name);
        } catch (java.nio.file.InvalidPathException e) {
          continue;
        }
        if (runnable(p)) {
          searched.add(p.toString());
          return new Found(new DbtExecutable(p, "PATH"), searched, null);
        }
      }
    }
    searched.add("PATH (" + path + ")");
    return new Found(
        null,
        searched,
        "no dbt found: set dbtls.dbt.path, or install dbt in the project's virtual environment or"
            + " on PATH; looked at "
            + String.join(", ", searched));
  }

  /** The project folder and those above it, up to the first holding {@code .git} (at most 4). */
  static List<Path> venvRoots(Path root) {
    List<Path> out = new ArrayList<>();
    Path dir = root == null ? null : root.toAbsolutePath().normalize();
    for (int i = 0; dir != null && i < 5; i++, dir = dir.getParent()) {
      out.add(dir);
      if (Files.exists(dir.resolve(".git"))) {
        break;
      }
    }
    return out;
  }

  private static boolean runnable(Path p) {
    return Files.isRegularFile(p) && Files.isExecutable(p);
  }
}
