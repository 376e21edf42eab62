package dev.dbtls.run.dbt;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Which executor runs a build or test ({@code dbtls.run.executor}, {@code --executor}): {@code
 * auto} — the user's dbt when one is found, else the native runner —, {@code dbt} (the user's dbt,
 * an error when there is none) or {@code native}.
 */
public enum Executor {
  AUTO,
  DBT,
  NATIVE;

  /** The setting's or flag's word, or null when it is none of {@code auto|dbt|native}. */
  public static Executor of(String word) {
    if (word == null) {
      return null;
    }
    return switch (word.strip().toLowerCase(Locale.ROOT)) {
      case "auto" -> AUTO;
      case "dbt" -> DBT;
      case "native" -> NATIVE;
      default -> null;
    };
  }

  /**
   * The choice for a project: the user's dbt ({@code dbt} set), the native runner (both null), or
   * why the asked-for dbt cannot run ({@code error}, saying where it looked).
   */
  public record Choice(DbtExecutable dbt, String error) {
    public boolean nativeRunner() {
      return dbt == null && error == null;
    }
  }

  /**
   * Decides for the project at {@code root}, with {@code dbtPath} the setting or flag (or null).
   */
  public Choice choose(Path dbtPath, Path root, Map<String, String> env) {
    if (this == NATIVE) {
      return new Choice(null, null);
    }
    boolean windows =
        System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
    DbtExecutable.Found found = DbtExecutable.find(dbtPath, root, env, windows);
    if (found.ok()) {
      return new Choice(found.dbt(), null);
    }
    if (this == DBT || dbtPath != null) {
      return new Choice(null, found.error());
    }
    return new Choice(null, null);
  }
}
