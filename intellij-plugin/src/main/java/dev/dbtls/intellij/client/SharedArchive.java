package dev.dbtls.intellij.client;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;

/**
 * The server's class-data archive (launch.json's {@code sharedArchive}, as the VS Code extension
 * finds it): where it is for this jar and Java, and whether a start maps it ({@code present}) or
 * records it when it exits.
 */
public record SharedArchive(Path file, boolean present) {
  /**
   * The archive of {@code jar} run by {@code java} (major {@code version}), its folder made; null
   * when there is no cache folder or it cannot be made or read.
   */
  public static SharedArchive find(Path jar, Path java, int version, Map<String, String> env) {
    Path root = cacheRoot(env, System.getProperty("os.name", ""), System.getProperty("user.home"));
    if (root == null) {
      return null;
    }
    try {
      LaunchFile.Cds cds = LaunchFile.SHIPPED.sharedArchive();
      Path folder = root.resolve(cds.folder());
      Files.createDirectories(folder);
      Path file =
          folder.resolve(
              cds.file().replace("{jar}", jarKey(jar)).replace("{java}", javaKey(java, version)));
      return new SharedArchive(file, Files.isRegularFile(file) && Files.size(file) > 0);
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  /** The user's cache folder, as launch.json's {@code folderNotes} says; null when unknown. */
  static Path cacheRoot(Map<String, String> env, String osName, String home) {
    String os = osName.toLowerCase(Locale.ROOT);
    if (os.startsWith("windows")) {
      String local = env.get("LOCALAPPDATA");
      return local == null || local.isBlank() ? null : Path.of(local);
    }
    if (home == null || home.isBlank()) {
      return null;
    }
    if (os.startsWith("mac")) {
      return Path.of(home, "Library", "Caches");
    }
    String xdg = env.get("XDG_CACHE_HOME");
    return xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()
        ? Path.of(xdg)
        : Path.of(home, ".cache");
  }

  /** {@code {jar}}: the jar's size and last MiB (its central directory: every entry's CRC). */
  static String jarKey(Path jar) throws IOException {
    try (RandomAccessFile f = new RandomAccessFile(jar.toFile(), "r")) {
      long size = f.length();
      byte[] tail = new byte[(int) Math.min(size, 1 << 20)];
      f.seek(size - tail.length);
      f.readFully(tail);
      MessageDigest d = sha256();
      d.update((size + "\n").getBytes(StandardCharsets.UTF_8));
      d.update(tail);
      return HexFormat.of().formatHex(d.digest()).substring(0, 16);
    }
  }

  /** {@code {java}}: the executable's real path, major version and time (an update in place). */
  static String javaKey(Path java, int version) {
    String real = java.toString();
    long time = 0;
    try {
      Path r = java.toRealPath();
      real = r.toString();
      time = Files.getLastModifiedTime(r).toMillis();
    } catch (IOException e) {
      // not there: the path and version alone
    }
    byte[] digest =
        sha256().digest((real + "\n" + version + " " + time).getBytes(StandardCharsets.UTF_8));
    return HexFormat.of().formatHex(digest).substring(0, 12);
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
