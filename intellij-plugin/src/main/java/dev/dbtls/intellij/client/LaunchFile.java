package dev.dbtls.intellij.client;

import com.google.gson.Gson;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * protocol-ext's {@code launch.json}: the one place that says how a client starts the server (the
 * Java it needs, where it looks for one, the JVM options and heap), which the VS Code extension
 * bundles and this plugin reads as a resource.
 */
public record LaunchFile(
    int minJava,
    List<String> javaSearch,
    String maxHeap,
    List<JvmArg> jvmArgs,
    Cds sharedArchive,
    List<String> serverArgs) {
  /** The file as shipped in the protocol-ext jar. */
  public static final LaunchFile SHIPPED = read();

  /**
   * A JVM option added after the user's; left out when one of the user's matches {@code
   * unlessUserGives}, and on every operating system but {@code os} when it names one ({@code
   * linux}, {@code mac} or {@code windows}), and without an initial heap when it names one ({@link
   * ServerLaunch#initialHeap}).
   */
  public record JvmArg(String arg, String unlessUserGives, String os) {
    /** Whether it names launch.json's {@code {initialHeap}}. */
    public boolean needsInitialHeap() {
      return arg.contains("{initialHeap}");
    }

    /** Whether it is given on the system Java calls {@code osName} (its {@code os.name}). */
    public boolean isFor(String osName) {
      return os == null || os.equals(LaunchFile.os(osName));
    }
  }

  /** launch.json's name of the operating system Java calls {@code osName}. */
  static String os(String osName) {
    String n = osName == null ? "" : osName.toLowerCase(java.util.Locale.ROOT);
    return n.startsWith("mac") || n.startsWith("darwin")
        ? "mac"
        : n.startsWith("windows") ? "windows" : n.startsWith("linux") ? "linux" : n;
  }

  /**
   * Class-data sharing: the archive's folder (under the user's cache folder) and name, the options
   * that map it when it is there or record it at exit when not, unless the user chose otherwise.
   */
  public record Cds(
      String folder,
      String file,
      List<String> whenPresent,
      List<String> whenAbsent,
      String unlessUserGives) {}

  private static LaunchFile read() {
    try (InputStream in = LaunchFile.class.getResourceAsStream("/dev/dbtls/protocol/launch.json")) {
      if (in == null) {
        throw new IllegalStateException("launch.json is missing from the protocol-ext jar");
      }
      try (Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
        return new Gson().fromJson(r, LaunchFile.class);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
