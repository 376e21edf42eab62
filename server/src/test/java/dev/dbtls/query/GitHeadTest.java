package dev.dbtls.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real git repository in a temporary directory. */
class GitHeadTest {
  @Test
  void theCommittedTextNotTheEditedOne(@TempDir Path dir) throws Exception {
    Path model = dir.resolve("models/orders.sql");
    Files.createDirectories(model.getParent());
    Files.writeString(model, "select 1 as id\n");
    dev.dbtls.testing.Git.run(dir, "init", "-q");
    dev.dbtls.testing.Git.run(dir, "add", ".");
    dev.dbtls.testing.Git.run(dir, "commit", "-q", "-m", "first");
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
