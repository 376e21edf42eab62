package dev.dbtls.intellij.client;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the Java that runs the server, in launch.json's order ({@link LaunchFile}, which the VS
 * Code extension follows too): the Java home configured in the plugin's settings, the IDE's own
 * runtime (its JetBrains Runtime is 17 or newer in every supported IDE), {@code JAVA_HOME}, {@code
 * JDK_HOME}, then {@code java} on {@code PATH}. A candidate counts when it is 17 or newer.
 */
public final class JavaFinder {
  /** dbtls runs on Java 17 or newer (launch.json's minJava). */
  public static final int MIN_JAVA = LaunchFile.SHIPPED.minJava();

  /** How each place of launch.json's javaSearch is named to the user. */
  public static final Map<String, String> SOURCES =
      Map.of(
          "setting", "the configured Java home",
          "editorRuntime", "the IDE's own Java (java.home)",
          "JAVA_HOME", "JAVA_HOME",
          "JDK_HOME", "JDK_HOME",
          "PATH", "PATH");

  private static final Pattern VERSION =
      Pattern.compile("(?:version|JAVA_VERSION=)\\s*\"([^\"]+)\"");

  private JavaFinder() {}

  /**
   * The candidates of this process in launch.json's order: {@code configuredHome} (may be null),
   * java.home, JAVA_HOME, JDK_HOME, PATH.
   */
  public static List<JavaCandidate> candidates(String configuredHome, Map<String, String> env) {
    List<JavaCandidate> out = new ArrayList<>();
    for (String place : LaunchFile.SHIPPED.javaSearch()) {
      String source = SOURCES.get(place);
      String home =
          switch (place) {
            case "setting" -> configuredHome;
            case "editorRuntime" -> System.getProperty("java.home");
            case "JAVA_HOME", "JDK_HOME" -> env.get(place);
            default -> null;
          };
      if (source == null) {
        continue;
      }
      if (!"PATH".equals(place)) {
        if (home != null && !home.isBlank()) {
          out.add(new JavaCandidate(source, Path.of(home.trim())));
        }
        continue;
      }
      String path = env.getOrDefault("PATH", env.getOrDefault("Path", ""));
      for (String dir : path.split(java.io.File.pathSeparator)) {
        if (dir.isBlank()) {
          continue;
        }
        JavaCandidate c =
            new JavaCandidate(
                source, Path.of(dir).getParent() == null ? Path.of(dir) : Path.of(dir).getParent());
        if (Files.isRegularFile(c.executable())) {
          out.add(c);
          break;
        }
      }
    }
    return out;
  }

  /** The first candidate that is Java {@link #MIN_JAVA} or newer, and those passed over. */
  public static JavaSearch find(List<JavaCandidate> candidates) {
    List<JavaSearch.Rejected> rejected = new ArrayList<>();
    for (JavaCandidate c : candidates) {
      Object v = probe(c);
      if (v instanceof Integer version && version >= MIN_JAVA) {
        return new JavaSearch(Optional.of(new JavaSearch.Found(c, version)), rejected);
      }
      rejected.add(
          new JavaSearch.Rejected(
              c, v instanceof Integer version ? "it is Java " + version : (String) v));
    }
    return new JavaSearch(Optional.empty(), rejected);
  }

  /**
   * The Java version {@code java -version} or a {@code release} file prints: 1.8 → 8, 17.0.15 → 17;
   * -1 when none.
   */
  public static int parseVersion(String text) {
    Matcher m = VERSION.matcher(text);
    if (!m.find()) {
      return -1;
    }
    String[] parts = m.group(1).split("[.\\-_+]");
    try {
      int first = Integer.parseInt(parts[0]);
      return first == 1 && parts.length > 1 ? Integer.parseInt(parts[1]) : first;
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  /** The candidate's major version (Integer), or why it has none (String). */
  private static Object probe(JavaCandidate c) {
    Path exe = c.executable();
    if (!Files.isRegularFile(exe)) {
      return exe + " does not exist";
    }
    if (c.home().equals(Path.of(System.getProperty("java.home")))) {
      return Runtime.version().feature();
    }
    Path release = c.home().resolve("release");
    try {
      if (Files.isRegularFile(release)) {
        int v = parseVersion(Files.readString(release, StandardCharsets.UTF_8));
        if (v > 0) {
          return v;
        }
      }
      Process p = new ProcessBuilder(exe.toString(), "-version").redirectErrorStream(true).start();
      byte[] out = p.getInputStream().readAllBytes();
      if (!p.waitFor(15, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return exe + " did not answer -version";
      }
      int v = parseVersion(new String(out, StandardCharsets.UTF_8));
      return v > 0 ? v : exe + " printed no version";
    } catch (IOException e) {
      return exe + " did not run (" + e.getMessage() + ")";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return exe + " was interrupted";
    }
  }
}
