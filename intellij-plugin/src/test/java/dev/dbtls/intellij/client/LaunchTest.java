package dev.dbtls.intellij.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The plugin starts the server as protocol-ext's launch.json says, giving the same commands as the
 * VS Code extension for test-projects/launch-cases.json (its serverStart.test.ts reads the same
 * file), and the repository's dbtls script and the LSP4IJ template give the same options.
 */
class LaunchTest {
  private static final Path REPO = Path.of("..").toAbsolutePath().normalize();

  @Test
  void theCommandIsTheOneTheCasesGiveForBothClients() throws Exception {
    JsonObject cases =
        JsonParser.parseString(
                Files.readString(
                    REPO.resolve("test-projects/launch-cases.json"), StandardCharsets.UTF_8))
            .getAsJsonObject();
    for (JsonElement e : cases.getAsJsonArray("commands")) {
      JsonObject c = e.getAsJsonObject();
      JsonObject archive = c.has("archive") ? c.getAsJsonObject("archive") : null;
      ServerLaunch launch =
          new ServerLaunch(
              Path.of("java"),
              Path.of("/x/dbtls.jar"),
              c.get("maxHeap").getAsString(),
              ServerLaunch.splitOptions(c.get("vmargs").getAsString()),
              null,
              Map.of(),
              archive == null
                  ? null
                  : new SharedArchive(
                      Path.of(archive.get("file").getAsString()),
                      archive.get("present").getAsBoolean()));
      List<String> expected =
          c.getAsJsonArray("args").asList().stream()
              .map(a -> a.getAsString().replace("{jar}", Path.of("/x/dbtls.jar").toString()))
              .toList();
      String os = c.has("os") ? c.get("os").getAsString() : "linux";
      List<String> command =
          launch.command(
              Map.of("linux", "Linux", "mac", "Mac OS X", "windows", "Windows 11").get(os));
      assertEquals(
          expected, command.subList(1, command.size()), os + ": " + c.get("vmargs").getAsString());
    }
  }

  @Test
  void theClassDataArchiveIsRecordedByAFirstStartAndMappedByTheNext() throws Exception {
    assertEquals(
        Path.of("/xdg"), SharedArchive.cacheRoot(Map.of("XDG_CACHE_HOME", "/xdg"), "Linux", "/h"));
    assertEquals(
        Path.of("/h", ".cache"),
        SharedArchive.cacheRoot(Map.of("XDG_CACHE_HOME", "rel"), "Linux", "/h"));
    assertEquals(
        Path.of("/h", "Library", "Caches"), SharedArchive.cacheRoot(Map.of(), "Mac OS X", "/h"));
    Path jar = REPO.resolve("server/target/dbtls.jar");
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    org.junit.jupiter.api.Assumptions.assumeTrue(
        Files.isRegularFile(jar), "needs the server jar (mvn package -pl server)");
    Path cache = Files.createTempDirectory("dbtls-cds-");
    Map<String, String> env = Map.of("XDG_CACHE_HOME", cache.toString());
    SharedArchive first = SharedArchive.find(jar, java, 17, env);
    assertTrue(first.file().startsWith(cache.resolve("dbtls/cds")), first.file().toString());
    assertTrue(!first.present());
    List<String> recording =
        new ServerLaunch(java, jar, null, List.of(), null, Map.of(), first).vmOptions();
    assertTrue(recording.contains("-XX:ArchiveClassesAtExit=" + first.file()));
    assertEquals("dbtls", version(java, jar, recording).split(" ")[0]);
    SharedArchive next = SharedArchive.find(jar, java, 17, env);
    assertEquals(new SharedArchive(first.file(), true), next);
    List<String> mapping =
        new ServerLaunch(java, jar, null, List.of(), null, Map.of(), next).vmOptions();
    assertTrue(mapping.contains("-XX:SharedArchiveFile=" + first.file()));
    // -Xshare:on fails the start unless the archive is mapped: it is
    assertEquals(
        "dbtls",
        version(
                java,
                jar,
                mapping.stream().map(o -> o.equals("-Xshare:auto") ? "-Xshare:on" : o).toList())
            .split(" ")[0]);
  }

  /** {@code dbtls --version} in a JVM started with {@code options}; fails on a non-zero exit. */
  private static String version(Path java, Path jar, List<String> options) throws Exception {
    List<String> cmd = new java.util.ArrayList<>(List.of(java.toString()));
    cmd.addAll(options);
    cmd.addAll(List.of("-jar", jar.toString(), "--version"));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, p.waitFor(), out);
    return out.trim();
  }

  @Test
  void javaIsLookedForInTheFilesOrder() throws Exception {
    Path bin = Files.createTempDirectory("dbtls-path-").resolve("bin");
    Files.createDirectories(bin);
    Files.writeString(bin.resolve("java"), "");
    List<JavaCandidate> c =
        JavaFinder.candidates(
            "/opt/setting",
            Map.of(
                "JAVA_HOME",
                "/opt/jh",
                "JDK_HOME",
                "/opt/jdk",
                "PATH",
                "/nowhere" + java.io.File.pathSeparator + bin));
    List<String> places =
        c.stream()
            .map(
                x ->
                    JavaFinder.SOURCES.entrySet().stream()
                        .filter(s -> s.getValue().equals(x.source()))
                        .findFirst()
                        .orElseThrow()
                        .getKey())
            .toList();
    assertEquals(LaunchFile.SHIPPED.javaSearch(), places);
    assertEquals(List.of("setting", "editorRuntime", "JAVA_HOME", "JDK_HOME", "PATH"), places);
    assertEquals(17, JavaFinder.MIN_JAVA);
  }

  @Test
  void theDbtlsScriptNamesTheSameOptions() throws Exception {
    String script = Files.readString(REPO.resolve("dbtls"), StandardCharsets.UTF_8);
    LaunchFile launch = LaunchFile.SHIPPED;
    for (LaunchFile.JvmArg a : launch.jvmArgs()) {
      String arg =
          a.arg()
              .replace("{maxHeap}", "${DBTLS_MAX_HEAP:-" + launch.maxHeap() + "}")
              .replace("{initialHeap}", "$(( mb / 8 < 1024 ? mb / 8 : 1024 ))m");
      assertTrue(script.contains(arg), "the dbtls script does not give " + arg);
    }
  }

  @Test
  void theLsp4ijTemplateGivesTheDefaultCommand() throws Exception {
    JsonObject template =
        JsonParser.parseString(
                Files.readString(
                    REPO.resolve("intellij-plugin/lsp4ij-template/template.json"),
                    StandardCharsets.UTF_8))
            .getAsJsonObject();
    ServerLaunch launch =
        new ServerLaunch(Path.of("java"), Path.of("JAR"), null, List.of(), null, Map.of());
    // the template's default command is macOS's too: none of the options given on Linux alone
    String command = String.join(" ", launch.command("Mac OS X"));
    assertEquals(
        command.replace("JAR", "\"$USER_HOME$/.dbtls/dbtls.jar\""),
        template.getAsJsonObject("programArgs").get("default").getAsString());
    assertEquals(
        String.join(" ", launch.command("Windows 11"))
            .replace("JAR", "\"$USER_HOME$\\.dbtls\\dbtls.jar\""),
        template.getAsJsonObject("programArgs").get("windows").getAsString());
  }
}
