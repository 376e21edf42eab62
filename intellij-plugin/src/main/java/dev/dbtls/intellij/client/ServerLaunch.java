package dev.dbtls.intellij.client;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * How the server process starts: {@code java [vm options] [launch.json's JVM options the user did
 * not choose] [the class-data archive's options] -jar dbtls.jar lsp} ({@link LaunchFile}, the same
 * file the VS Code extension follows), in {@code workDir}, with extra environment variables (e.g.
 * {@code DBTLS_STORE}).
 */
public record ServerLaunch(
    Path java,
    Path jar,
    String maxHeap,
    List<String> vmArgs,
    Path workDir,
    Map<String, String> env,
    SharedArchive archive) {
  /** A launch without a class-data archive. */
  public ServerLaunch(
      Path java,
      Path jar,
      String maxHeap,
      List<String> vmArgs,
      Path workDir,
      Map<String, String> env) {
    this(java, jar, maxHeap, vmArgs, workDir, env, null);
  }

  /**
   * The default heap cap, launch.json's (the VS Code extension's {@code dbtls.server.maxHeap} too).
   */
  public static final String DEFAULT_MAX_HEAP = LaunchFile.SHIPPED.maxHeap();

  /** The command line, as LSP4IJ's {@code JavaProcessCommandBuilder} or a plain process runs it. */
  public List<String> command() {
    return command(System.getProperty("os.name"));
  }

  /** {@link #command()} on the operating system Java calls {@code osName}. */
  public List<String> command(String osName) {
    List<String> cmd = new ArrayList<>();
    cmd.add(java.toString());
    cmd.addAll(vmOptions(osName));
    cmd.add("-jar");
    cmd.add(jar.toString());
    cmd.addAll(LaunchFile.SHIPPED.serverArgs());
    return cmd;
  }

  /**
   * What goes between {@code java} and {@code -jar}: the user's options, then launch.json's they
   * did not override.
   */
  public List<String> vmOptions() {
    return vmOptions(System.getProperty("os.name"));
  }

  /** {@link #vmOptions()} on the operating system Java calls {@code osName}. */
  public List<String> vmOptions(String osName) {
    List<String> own = vmArgs == null ? List.of() : vmArgs;
    List<String> out = new ArrayList<>(own);
    String heap = maxHeap == null || maxHeap.isBlank() ? DEFAULT_MAX_HEAP : maxHeap.trim();
    String initial = initialHeap(heap);
    for (LaunchFile.JvmArg a : LaunchFile.SHIPPED.jvmArgs()) {
      if (a.unlessUserGives() != null
          && own.stream().anyMatch(Pattern.compile(a.unlessUserGives()).asPredicate())) {
        continue;
      }
      if (!a.isFor(osName) || (initial == null && a.needsInitialHeap())) {
        continue;
      }
      out.add(
          a.arg()
              .replace("{maxHeap}", heap)
              .replace("{initialHeap}", initial == null ? "" : initial));
    }
    LaunchFile.Cds cds = LaunchFile.SHIPPED.sharedArchive();
    if (archive != null
        && own.stream().noneMatch(Pattern.compile(cds.unlessUserGives()).asPredicate())) {
      for (String a : archive.present() ? cds.whenPresent() : cds.whenAbsent()) {
        out.add(a.replace("{archive}", archive.file().toString()));
      }
    }
    return out;
  }

  private static final Pattern HEAP_SIZE = Pattern.compile("([0-9]{1,7})([mMgG])");

  /**
   * launch.json's {@code {initialHeap}}: an eighth of the heap bound {@code maxHeap} in MB, at most
   * 1024m, when it is a whole number of m or g of at least 1g; null otherwise.
   */
  static String initialHeap(String maxHeap) {
    java.util.regex.Matcher m = HEAP_SIZE.matcher(maxHeap.trim());
    if (!m.matches()) {
      return null;
    }
    long mb = Long.parseLong(m.group(1)) * (m.group(2).equalsIgnoreCase("g") ? 1024 : 1);
    return mb >= 1024 ? Math.min(1024, mb / 8) + "m" : null;
  }

  /**
   * Splits JVM options as a shell would (and as the VS Code extension does): whitespace separates,
   * quotes group.
   */
  public static List<String> splitOptions(String text) {
    List<String> out = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    char quote = 0;
    boolean started = false;
    for (char ch : (text == null ? "" : text).toCharArray()) {
      if (quote != 0) {
        if (ch == quote) {
          quote = 0;
        } else {
          current.append(ch);
        }
      } else if (ch == '"' || ch == '\'') {
        quote = ch;
        started = true;
      } else if (Character.isWhitespace(ch)) {
        if (started) {
          out.add(current.toString());
        }
        current.setLength(0);
        started = false;
      } else {
        current.append(ch);
        started = true;
      }
    }
    if (started) {
      out.add(current.toString());
    }
    return out;
  }
}
