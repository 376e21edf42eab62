package dev.dbtls.intellij.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which Java runs the server, and what the plugin says about the ones it passed over. */
class JavaFinderTest {
  @TempDir Path dir;

  /** A Java home as an installer leaves it: bin/java and a release file naming its version. */
  private Path javaHome(String name, String version) throws Exception {
    Path home = dir.resolve(name);
    Files.createDirectories(home.resolve("bin"));
    Files.writeString(home.resolve("bin/java"), "#!/bin/sh\nexit 1\n");
    home.resolve("bin/java").toFile().setExecutable(true);
    Files.writeString(
        home.resolve("release"),
        "IMPLEMENTOR=\"Eclipse Adoptium\"\nJAVA_VERSION=\"" + version + "\"\n");
    return home;
  }

  @Test
  void theConfiguredHomeComesFirstThenTheIdesOwnJava() throws Exception {
    Path java21 = javaHome("jdk-21", "21.0.4");
    JavaSearch found = JavaFinder.find(JavaFinder.candidates(java21.toString(), Map.of()));
    assertEquals(21, found.found().orElseThrow().version());
    assertEquals(java21, found.found().get().candidate().home());
    assertTrue(
        found.describe().startsWith("dbtls runs on Java 21 from the configured Java home"),
        found.describe());

    Path java11 = javaHome("jdk-11", "11.0.2");
    JavaSearch fallback =
        JavaFinder.find(
            JavaFinder.candidates(java11.toString(), Map.of("JAVA_HOME", java21.toString())));
    assertEquals(
        Path.of(System.getProperty("java.home")),
        fallback.found().orElseThrow().candidate().home(),
        "an old configured Java is passed over for the IDE's own");
    assertEquals(Runtime.version().feature(), fallback.found().get().version());
    assertEquals("it is Java 11", fallback.rejected().get(0).reason());
    assertTrue(
        fallback
            .describe()
            .contains("Not the configured Java home (" + java11 + "): it is Java 11."),
        fallback.describe());
  }

  @Test
  void noUsableJavaSaysWhatWasTriedAndWhy() throws Exception {
    Path java8 = javaHome("jre8", "1.8.0_412");
    Path missing = dir.resolve("no-such-jdk");
    JavaSearch none =
        JavaFinder.find(
            List.of(
                new JavaCandidate("the configured Java home", missing),
                new JavaCandidate("JAVA_HOME", java8)));
    assertFalse(none.found().isPresent());
    assertEquals(
        List.of(missing.resolve("bin").resolve("java") + " does not exist", "it is Java 8"),
        none.rejected().stream().map(JavaSearch.Rejected::reason).toList());
    assertTrue(
        none.describe().startsWith("No Java 17 or newer was found to run dbtls."), none.describe());
  }

  @Test
  void versionsAsJavaPrintsThem() {
    assertEquals(8, JavaFinder.parseVersion("java version \"1.8.0_412\""));
    assertEquals(17, JavaFinder.parseVersion("openjdk version \"17.0.15\" 2025-04-15"));
    assertEquals(21, JavaFinder.parseVersion("JAVA_VERSION=\"21\""));
    assertEquals(-1, JavaFinder.parseVersion("no java here"));
  }

  @Test
  void theServerRunsWithACappedHeapAndStopsOnOutOfMemory() {
    ServerLaunch launch =
        new ServerLaunch(
            Path.of("/jdk/bin/java"),
            Path.of("/plugin/dbtls.jar"),
            null,
            List.of("-Xss4m"),
            dir,
            Map.of());
    assertEquals(
        List.of(
            "/jdk/bin/java",
            "-Xss4m",
            "-Xmx2g",
            "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1",
            "-XX:MaxNewSize=256m",
            "-XX:NewRatio=5",
            "-Xms256m",
            "-XX:+UseTransparentHugePages",
            "-XX:MetaspaceSize=64m",
            "-XX:-UsePerfData",
            "-XX:+ExitOnOutOfMemoryError",
            "-Dfile.encoding=UTF-8",
            "-Xlog:disable",
            "-Xlog:all=warning:stderr",
            "-jar",
            "/plugin/dbtls.jar",
            "lsp"),
        launch.command("Linux"));
  }
}
