package dev.dbtls.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code ./dbtls} launcher's collector: the serial one for the servers, the parallel one with
 * its sizes for the short commands, and the user's own when {@code DBTLS_JAVA_OPTS} names one. A
 * {@code java} that only writes its arguments stands in for the JVM.
 */
@DisabledOnOs(OS.WINDOWS)
class LauncherCollectorTest {
  private static final Path REPO =
      Path.of(System.getProperty("dbtls.repoRoot", "..")).toAbsolutePath().normalize();

  @TempDir Path bin;

  @Test
  void theServersRunOnTheSerialCollectorAndTheShortCommandsOnTheParallelOne() throws Exception {
    List<String> server = launch("", "lsp");
    assertTrue(server.contains("-XX:+UseSerialGC"), server.toString());
    assertTrue(server.contains("-XX:MaxNewSize=256m"), server.toString());
    assertFalse(server.contains("-XX:+UseParallelGC"), server.toString());
    assertTrue(launch("", "mcp").contains("-XX:+UseSerialGC"));
    List<String> ls = launch("", "ls");
    assertTrue(ls.contains("-XX:+UseParallelGC"), ls.toString());
    assertFalse(ls.contains("-XX:+UseSerialGC"), ls.toString());
    assertTrue(ls.containsAll(List.of("-Xms1024m", "-Xmn128m", "-XX:MaxTenuringThreshold=0")));
  }

  @Test
  void aCollectorTheUserNamesIsTheOnlyOne() throws Exception {
    List<String> serial = launch("-XX:+UseSerialGC", "ls");
    assertEquals(1, serial.stream().filter(a -> a.matches("-XX:\\+Use\\w+GC")).count());
    // the serial collector is sized as the launcher's own
    assertTrue(serial.containsAll(List.of("-Xms1024m", "-Xmn128m")), serial.toString());
    List<String> g1 = launch("-XX:+UseG1GC", "ls");
    assertEquals(List.of("-XX:+UseG1GC"), g1.stream().filter(a -> a.contains("GC")).toList());
    assertFalse(g1.contains("-Xmn128m"), "G1 sizes its own young generation: " + g1);
    assertFalse(launch("-XX:+UseParallelGC", "lsp").contains("-XX:+UseSerialGC"));
  }

  /** The JVM arguments the launcher gives for {@code command} with {@code javaOpts}. */
  private List<String> launch(String javaOpts, String command)
      throws IOException, InterruptedException {
    // the launcher in a folder of its own beside a stand-in jar: no sources there, so it builds
    // nothing (the tests run before the jar is packaged)
    Path repo = bin.resolve("repo");
    Files.createDirectories(repo.resolve("server/target"));
    Files.copy(
        REPO.resolve("dbtls"),
        repo.resolve("dbtls"),
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    Files.writeString(repo.resolve("server/target/dbtls.jar"), "");
    Path args = bin.resolve("args.txt");
    Path java = bin.resolve("java");
    Files.writeString(java, "#!/bin/sh\nprintf '%s\\n' \"$@\" > '" + args + "'\n");
    assertTrue(java.toFile().setExecutable(true));
    ProcessBuilder b =
        new ProcessBuilder("bash", repo.resolve("dbtls").toString(), command, "--version")
            .redirectErrorStream(true)
            .redirectOutput(bin.resolve("out.txt").toFile());
    b.environment().put("PATH", bin + ":" + System.getenv("PATH"));
    b.environment().put("DBTLS_JAVA_OPTS", javaOpts);
    b.environment().put("DBTLS_NO_CDS", "1");
    b.environment().remove("DBTLS_MAX_HEAP");
    Process p = b.start();
    assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the launcher did not end");
    assertEquals(0, p.exitValue(), Files.readString(bin.resolve("out.txt")));
    return Files.readAllLines(args, StandardCharsets.UTF_8);
  }
}
