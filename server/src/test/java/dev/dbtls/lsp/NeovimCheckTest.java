package dev.dbtls.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's Neovim setup in a real headless Neovim (test-projects/editors/nvim-check.sh): the
 * first completion, hover and definition asked the moment the client attaches must be full. Runs
 * the server from this build's classes. Skipped where Neovim is not installed, except when
 * DBTLS_REQUIRE_NEOVIM=1 (set by .ci/run once it has installed Neovim).
 */
class NeovimCheckTest {
  @Test
  void theFirstAnswersInNeovimAreFull(@TempDir Path dir) throws Exception {
    boolean required = "1".equals(System.getenv("DBTLS_REQUIRE_NEOVIM"));
    boolean present = new ProcessBuilder("sh", "-c", "command -v nvim").start().waitFor() == 0;
    if (!present && required) {
      throw new AssertionError("DBTLS_REQUIRE_NEOVIM=1 but nvim is not installed");
    }
    Assumptions.assumeTrue(present, "nvim is not installed");
    Path root = Path.of(System.getProperty("dbtls.repoRoot", "..")).toAbsolutePath().normalize();
    Path server = dir.resolve("dbtls");
    Files.writeString(
        server,
        "#!/bin/sh\nexec '"
            + Path.of(System.getProperty("java.home"), "bin", "java")
            + "' -XX:+UseSerialGC -cp '"
            + System.getProperty("java.class.path")
            + "' dev.dbtls.cli.Main \"$@\"\n");
    assertTrue(server.toFile().setExecutable(true));
    ProcessBuilder check =
        new ProcessBuilder("bash", root.resolve("test-projects/editors/nvim-check.sh").toString())
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("out.txt").toFile());
    check.environment().put("DBTLS", server.toString());
    check.environment().put("DBTLS_STORE", dir.resolve("store.db").toString());
    Process p = check.start();
    assertTrue(p.waitFor(150, TimeUnit.SECONDS), "nvim-check.sh did not finish");
    String out = Files.readString(dir.resolve("out.txt"));
    assertEquals(0, p.exitValue(), out);
    assertTrue(out.contains("nvim-check: OK") && out.contains("stg_orders"), out);
  }
}
