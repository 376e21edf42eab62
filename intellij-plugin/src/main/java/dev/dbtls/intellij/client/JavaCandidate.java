package dev.dbtls.intellij.client;

import java.nio.file.Path;

/**
 * A place a Java may be: where it was named ({@code source}, as the user knows it) and its home.
 */
public record JavaCandidate(String source, Path home) {
  /** {@code bin/java} (or {@code bin\java.exe}) under the home. */
  public Path executable() {
    boolean windows =
        System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).startsWith("windows");
    return home.resolve("bin").resolve(windows ? "java.exe" : "java");
  }
}
