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
    for (String server : new String[] {"lsp", "mcp", "--stdio", ""}) {
      List<String> args = launch("", server);
      assertTrue(args.contains("-XX:+UseSerialGC"), server + ": " + args);
      assertTrue(args.contains("-XX:MaxNewSize=256m"), server + ": " + args);
      assertFalse(args.contains("-XX:+UseParallelGC"), server + ": " + args);
    }
    List<String> ls = launch("", "ls");
    assertTrue(ls.contains("-XX:+UseParallelGC"), ls.toString());
    assertFalse(ls.contains("-XX:+UseSerialGC"), ls.toString());
    // the heap starts at its bound (2 GB unless raised), the old generation touched as it fills
    String start = "-Xms" + Math.min(2048, halfTheMemoryMb()) + "m";
    assertTrue(ls.containsAll(List.of(start, "-Xmn128m", "-XX:MaxTenuringThreshold=0")), ls + "");
    List<String> raised = launch("-Xmx3g", "check");
    assertTrue(
        raised.containsAll(List.of("-Xmx3g", "-Xms" + Math.min(3072, halfTheMemoryMb()) + "m")),
        raised.toString());
    // options that name no collector still get the command's
    List<String> own = launch("-Xss4m", "compile");
    assertTrue(own.containsAll(List.of("-Xss4m", "-XX:+UseParallelGC")), own.toString());
    assertTrue(launch("-Xss4m", "lsp").contains("-XX:+UseSerialGC"));
  }

  @Test
  void aCollectorTheUserNamesIsTheOnlyOne() throws Exception {
    List<String> serial = launch("-XX:+UseSerialGC", "ls");
    assertEquals(List.of("-XX:+UseSerialGC"), collectors(serial));
    // either of the launcher's own two collectors is sized as the launcher sizes it
    String start = "-Xms" + Math.min(2048, halfTheMemoryMb()) + "m";
    assertTrue(serial.containsAll(List.of(start, "-Xmn128m")), serial.toString());
    List<String> parallel = launch("-XX:+UseParallelGC", "ls");
    assertTrue(parallel.containsAll(List.of("-Xmn128m", "-XX:MaxTenuringThreshold=0")));
    List<String> g1 = launch("-XX:+UseG1GC", "ls");
    assertEquals(List.of("-XX:+UseG1GC"), collectors(g1));
    assertFalse(g1.contains("-Xmn128m") || g1.contains(start), "G1 sizes its own: " + g1);
    assertFalse(g1.contains("-XX:MaxTenuringThreshold=0"), g1.toString());
    List<String> lsp = launch("-XX:+UseParallelGC", "lsp");
    assertEquals(List.of("-XX:+UseParallelGC"), collectors(lsp));
    assertFalse(lsp.contains("-XX:MaxNewSize=256m"), lsp.toString());
    // a collector turned off is named too: the launcher adds none after it
    assertEquals(List.of("-XX:-UseSerialGC"), collectors(launch("-XX:-UseSerialGC", "lsp")));
  }

  @Test
  void theShortCommandsHeapStartsAtItsBoundWithinTheMachinesMemory() throws Exception {
    long half = halfTheMemoryMb();
    assertTrue(
        launch("", "ls", "4G").containsAll(List.of("-Xmx4G", "-Xms" + Math.min(4096, half) + "m")));
    List<String> huge = launch("-Xmx64g", "ls");
    assertTrue(huge.contains("-Xms" + Math.min(65536, half) + "m"), huge.toString());
    // a bound under 512 MB, or one the launcher cannot read, leaves the JVM's own start
    for (String bound : List.of("511m", "4096k", "1073741824")) {
      List<String> args = launch("", "ls", bound);
      assertTrue(args.contains("-Xmx" + bound), args.toString());
      assertFalse(args.stream().anyMatch(a -> a.startsWith("-Xms")), args.toString());
    }
    // the JVM takes the last of -Xmx and -XX:MaxHeapSize: with the latter the launcher sizes
    // nothing
    List<String> both = launch("-Xmx3g -XX:MaxHeapSize=1g", "check");
    assertFalse(both.stream().anyMatch(a -> a.startsWith("-Xms")), both.toString());
    List<String> own = launch("-XX:MaxHeapSize=1g", "compile");
    assertFalse(own.stream().anyMatch(a -> a.startsWith("-Xmx")), own.toString());
  }

  @Test
  void theServersHeapStartsAtAnEighthOfItsBoundAtMostOneGigabyte() throws Exception {
    for (String server : new String[] {"lsp", "mcp", ""}) {
      List<String> args = launch("", server);
      assertTrue(args.contains("-Xms256m"), args.toString());
      assertFalse(args.stream().anyMatch(a -> a.startsWith("-XX:NewSize")), args.toString());
    }
    assertTrue(launch("", "lsp", "1536m").contains("-Xms192m"));
    assertTrue(launch("", "lsp", "4G").contains("-Xms512m"));
    assertTrue(launch("", "lsp", "16g").contains("-Xms1024m"));
    // a bound under 1 GB or one the launcher cannot read, the user's own heap sizes, young
    // generation or collector: the JVM's own start
    for (String bound : List.of("1000m", "4096k", "1073741824")) {
      List<String> args = launch("", "lsp", bound);
      assertFalse(args.stream().anyMatch(a -> a.startsWith("-Xms")), args.toString());
    }
    for (String own :
        List.of(
            "-Xmx3g",
            "-Xms200m",
            "-XX:+UseG1GC",
            "-XX:InitialRAMPercentage=5",
            "-Xmn300m",
            "-XX:NewSize=300m")) {
      List<String> args = launch(own, "lsp");
      assertEquals(
          own.startsWith("-Xms") ? 1 : 0,
          args.stream().filter(a -> a.startsWith("-Xms")).count(),
          args.toString());
    }
  }

  @Test
  void theServersYoungGenerationIsASixthOfTheHeapAtMost256Megabytes() throws Exception {
    for (String server : new String[] {"lsp", "mcp", "--stdio", ""}) {
      List<String> args = launch("", server);
      assertTrue(
          args.containsAll(List.of("-XX:MaxNewSize=256m", "-XX:NewRatio=5")), server + ": " + args);
    }
    assertFalse(launch("", "ls").contains("-XX:NewRatio=5"), "the short commands size their own");
    // the user's own young generation or collector: neither of the two, the heap's start stays
    for (String own : List.of("-XX:NewRatio=2", "-Xmn300m", "-XX:MaxNewSize=512m")) {
      List<String> args = launch(own, "lsp");
      assertEquals(
          List.of(own),
          args.stream().filter(a -> a.matches("-Xmn.*|-XX:(Max)?New(Size|Ratio)=.*")).toList(),
          args.toString());
    }
    assertTrue(launch("-XX:NewRatio=2", "lsp").contains("-Xms256m"));
    List<String> g1 = launch("-XX:+UseG1GC", "lsp");
    assertFalse(g1.contains("-XX:NewRatio=5"), g1.toString());
  }

  @Test
  void theServersFirstMetadataCollectionComesAboveWhatTheyLoad() throws Exception {
    for (String server : new String[] {"lsp", "mcp", "--stdio", ""}) {
      assertTrue(launch("", server).contains("-XX:MetaspaceSize=64m"), server);
    }
    // not for the short commands (their archive holds what they load), nor over the user's own
    assertFalse(launch("", "ls").stream().anyMatch(a -> a.startsWith("-XX:MetaspaceSize")));
    assertEquals(
        List.of("-XX:MetaspaceSize=32m"),
        launch("-XX:MetaspaceSize=32m", "lsp").stream()
            .filter(a -> a.startsWith("-XX:MetaspaceSize"))
            .toList());
  }

  /** Half the machine's memory in MB (Linux), as the launcher caps the start; else no cap. */
  private static long halfTheMemoryMb() throws IOException {
    Path meminfo = Path.of("/proc/meminfo");
    long half = Long.MAX_VALUE;
    if (Files.isReadable(meminfo)) {
      String first = Files.readAllLines(meminfo).get(0); // MemTotal:  24684328 kB
      half = Long.parseLong(first.replaceAll("[^0-9]", "")) / 2048;
    }
    for (String f :
        List.of("/sys/fs/cgroup/memory.max", "/sys/fs/cgroup/memory/memory.limit_in_bytes")) {
      Path limit = Path.of(f);
      if (Files.isReadable(limit)) {
        String v = Files.readString(limit).trim();
        if (v.matches("[0-9]{1,18}")) {
          half = Math.min(half, Long.parseLong(v) / 2097152);
        }
        break;
      }
    }
    return half;
  }

  @Test
  void aMaxHeapJavaDoesNotTakeIsSaidAndNothingRuns() throws Exception {
    for (String bad : List.of("1.5g", "2 g", "2gb", "-1g", "lots")) {
      Process p = start("", "ls", bad);
      assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the launcher did not end");
      String said = Files.readString(bin.resolve("out.txt"));
      assertEquals(2, p.exitValue(), said);
      assertTrue(
          said.contains("DBTLS_MAX_HEAP=" + bad + " is not a heap size java takes"),
          bad + ": " + said);
      assertFalse(Files.exists(bin.resolve("args.txt")), bad + ": java was run");
    }
  }

  @Test
  void theUsersOwnJvmLogIsNotTurnedOff() throws Exception {
    for (String command : new String[] {"lsp", "ls"}) {
      List<String> own = launch("-Xlog:gc:file=/tmp/gc.log", command);
      assertTrue(own.contains("-Xlog:gc:file=/tmp/gc.log"), own.toString());
      assertFalse(own.contains("-Xlog:disable"), command + " turned the user's log off: " + own);
      List<String> none = launch("", command);
      assertTrue(
          none.containsAll(List.of("-Xlog:disable", "-Xlog:all=warning:stderr")), none.toString());
    }
  }

  private static List<String> collectors(List<String> args) {
    return args.stream().filter(a -> a.matches("-XX:[+-]Use\\w+GC")).toList();
  }

  /** The JVM arguments the launcher gives for {@code command} with {@code javaOpts}. */
  private List<String> launch(String javaOpts, String command)
      throws IOException, InterruptedException {
    return launch(javaOpts, command, null);
  }

  /** The same with {@code DBTLS_MAX_HEAP} set to {@code maxHeap} (unset when null). */
  private List<String> launch(String javaOpts, String command, String maxHeap)
      throws IOException, InterruptedException {
    Process p = start(javaOpts, command, maxHeap);
    assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the launcher did not end");
    assertEquals(0, p.exitValue(), Files.readString(bin.resolve("out.txt")));
    Path args = bin.resolve("args.txt");
    assertTrue(Files.isRegularFile(args), "the launcher never ran java");
    return Files.readAllLines(args, StandardCharsets.UTF_8);
  }

  /** The launcher started with a stand-in java that writes its arguments to args.txt. */
  private Process start(String javaOpts, String command, String maxHeap) throws IOException {
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
    Files.deleteIfExists(args); // what an earlier launch wrote never passes for this one's
    Path java = bin.resolve("java");
    Files.writeString(java, "#!/bin/sh\nprintf '%s\\n' \"$@\" > '" + args + "'\n");
    assertTrue(java.toFile().setExecutable(true));
    ProcessBuilder b =
        new ProcessBuilder(
                command.isEmpty()
                    ? List.of("bash", repo.resolve("dbtls").toString())
                    : List.of("bash", repo.resolve("dbtls").toString(), command, "--version"))
            .redirectErrorStream(true)
            .redirectOutput(bin.resolve("out.txt").toFile());
    b.environment().put("PATH", bin + ":" + System.getenv("PATH"));
    b.environment().put("DBTLS_JAVA_OPTS", javaOpts);
    b.environment().put("DBTLS_NO_CDS", "1");
    b.environment().remove("DBTLS_MAX_HEAP");
    if (maxHeap != null) {
      b.environment().put("DBTLS_MAX_HEAP", maxHeap);
    }
    return b.start();
  }
}
