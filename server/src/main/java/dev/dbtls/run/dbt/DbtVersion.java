package dev.dbtls.run.dbt;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which dbt an executable is, as {@code dbt --version} says: dbt Core 1.x prints a block ({@code
 * Core:} then {@code - installed: 1.9.4}; before 1.5 {@code installed version: 1.0.0}); dbt v2, the
 * Rust binary, prints one line with its name and version ({@code dbt-fusion 2.0.0-preview.45},
 * {@code dbt-core 2.0.0-beta.2}, {@code dbt 2.0.1}).
 *
 * @param name the product as it names itself: {@code dbt} for Core 1.x, else the v2 binary's name
 * @param version the version as printed
 * @param major its first number
 */
public record DbtVersion(String name, String version, int major) {
  private static final Pattern CORE =
      Pattern.compile("(?m)^\\s*(?:-\\s*installed:|installed version:)\\s*v?(\\d+)\\.(\\S+)");
  private static final Pattern V2 =
      Pattern.compile("(?m)^\\s*(dbt[A-Za-z0-9_-]*)(?:\\s+v2)?\\s+v?(\\d+)\\.(\\d+\\.\\S+)\\s*$");

  /** Versions by executable, its modification time and size: asked once per installed binary. */
  private static final ConcurrentHashMap<String, DbtVersion> KNOWN = new ConcurrentHashMap<>();

  /** The version {@code output} of {@code dbt --version} states, if it states one. */
  public static Optional<DbtVersion> parse(String output) {
    if (output == null) {
      return Optional.empty();
    }
    String text = output.replaceAll("\u001B\\[[0-9;]*m", "");
    Matcher core = CORE.matcher(text);
    if (core.find()) {
      int major = Integer.parseInt(core.group(1));
      return Optional.of(new DbtVersion("dbt", major + "." + core.group(2), major));
    }
    Matcher v2 = V2.matcher(text);
    if (v2.find()) {
      int major = Integer.parseInt(v2.group(2));
      return Optional.of(new DbtVersion(v2.group(1), major + "." + v2.group(3), major));
    }
    return Optional.empty();
  }

  /** dbt v2 (the Rust binary): no Core 1.x flags quirks, no index on its start lines. */
  public boolean v2() {
    return major >= 2;
  }

  /** Whether this is dbt Core 1.x older than 1.5, where global flags go before the command. */
  boolean beforeFlagsAnywhere() {
    if (major != 1) {
      return false;
    }
    Matcher m = Pattern.compile("1\\.(\\d+)").matcher(version);
    return m.lookingAt() && Integer.parseInt(m.group(1)) < 5;
  }

  /** Whether {@code --empty} exists (dbt Core 1.8 and later, dbt v2). */
  boolean hasEmpty() {
    if (major != 1) {
      return major > 1;
    }
    Matcher m = Pattern.compile("1\\.(\\d+)").matcher(version);
    return m.lookingAt() && Integer.parseInt(m.group(1)) >= 8;
  }

  /** "dbt 1.9.4", "dbt-fusion 2.0.0-preview.45": what a run says ran it. */
  public String label() {
    return name + " " + version;
  }

  /**
   * Runs {@code dbt --version} once per executable (kept by its path, modification time and size);
   * empty when it does not answer with a version within 30 seconds.
   */
  public static Optional<DbtVersion> of(Path executable) {
    String key;
    try {
      key =
          executable.toRealPath()
              + "|"
              + Files.getLastModifiedTime(executable).toMillis()
              + "|"
              + Files.size(executable);
    } catch (IOException e) {
      return Optional.empty();
    }
    DbtVersion known = KNOWN.get(key);
    if (known != null) {
      return Optional.of(known);
    }
    Optional<DbtVersion> asked = ask(executable);
    asked.ifPresent(v -> KNOWN.put(key, v));
    return asked;
  }

  private static Optional<DbtVersion> ask(Path executable) {
    Process p = null;
    try {
      p =
          new ProcessBuilder(executable.toString(), "--version")
              .redirectErrorStream(true)
              .redirectInput(ProcessBuilder.Redirect.from(nullFile()))
              .start();
      Process started = p;
      java.util.concurrent.CompletableFuture<String> out =
          java.util.concurrent.CompletableFuture.supplyAsync(
              () -> {
                try {
                  return new String(
                      started.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                } catch (IOException e) {
                  return "";
                }
              });
      if (!p.waitFor(30, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return Optional.empty();
      }
      return parse(out.get(5, TimeUnit.SECONDS));
    } catch (IOException
        | java.util.concurrent.ExecutionException
        | java.util.concurrent.TimeoutException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    } finally {
      if (p != null && p.isAlive()) {
        p.destroyForcibly();
      }
    }
  }

  static java.io.File nullFile() {
    return new java.io.File(
        System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).startsWith("windows")
            ? "NUL"
            : "/dev/null");
  }
}
