package dev.dbtls.ide;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real git repository in a temporary directory. */
class GitHeadTest {
  private static void git(Path dir, String... args) throws Exception {
    String[] command = new String[args.length + 7];
    command[0] = "git";
    command[1] = "-C";
    command[2] = dir.toString();
    command[3] = "-c";
    command[4] = "user.name=t";
    command[5] = "-c";
    command[6] = "user.email=t@example.com";
    System.arraycopy(args, 0, command, 7, args.length);
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    p.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
    assertTrue(p.waitFor(20, TimeUnit.SECONDS));
    assertEquals(0, p.exitValue(), String.join(" ", command));
  }

  @Test
  void theCommittedTextNotTheEditedOne(@TempDir Path dir) throws Exception {
    Path model = dir.resolve("models/orders.sql");
    Files.createDirectories(model.getParent());
    Files.writeString(model, "select 1 as id\n");
    git(dir, "init", "-q");
    git(dir, "add", ".");
    git(dir, "commit", "-q", "-m", "first");
    Files.writeString(model, "select 2 as id\n");
    assertEquals("select 1 as id\n", GitHead.of(model).text());

    Path fresh = dir.resolve("models/new.sql");
    Files.writeString(fresh, "select 3\n");
    GitHead.Text none = GitHead.of(fresh);
    assertFalse(none.ok());
    assertEquals("models/new.sql has no committed version at HEAD", none.problem());
  }

  @Test
  void outsideARepositoryIsAReason(@TempDir Path dir) throws Exception {
    Path model = dir.resolve("orders.sql");
    Files.writeString(model, "select 1");
    GitHead.Text t = GitHead.of(model);
    assertFalse(t.ok());
    assertEquals("orders.sql is not in a git repository", t.problem());
  }
}
