package dev.dbtls.project;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The disk's listing of a resource folder, as dbt finds its files. */
class FileSourceTest {
  @TempDir Path dir;

  private Path file(String relative) throws IOException {
    Path p = dir.resolve(relative);
    Files.createDirectories(p.getParent());
    Files.writeString(p, "select 1\n");
    return p;
  }

  @Test
  void filesOfTheWantedSuffixesInEveryFolderBelowButHiddenOnesSorted() throws IOException {
    Path b = file("models/b.sql");
    Path a = file("models/staging/deep/a.sql");
    Path yml = file("models/staging/schema.yml");
    Path hiddenFile = file("models/.scratch.sql");
    file("models/.ipynb_checkpoints/a-checkpoint.sql");
    file("models/notes.txt");
    Files.createDirectories(dir.resolve("models/empty"));
    assertEquals(
        List.of(hiddenFile, b, a), FileSource.DISK.list(dir.resolve("models"), Set.of(".sql")));
    assertEquals(
        List.of(hiddenFile, b, a, yml),
        FileSource.DISK.list(dir.resolve("models"), Set.of(".sql", ".yml")));
  }

  @Test
  void aLinkedFolderIsNotFollowedAndAMissingFolderListsNothing() throws IOException {
    Path a = file("models/a.sql");
    file("elsewhere/b.sql");
    try {
      Files.createSymbolicLink(dir.resolve("models/linked"), dir.resolve("elsewhere"));
    } catch (UnsupportedOperationException | IOException e) {
      org.junit.jupiter.api.Assumptions.assumeTrue(false, "no symbolic links here: " + e);
    }
    assertEquals(List.of(a), FileSource.DISK.list(dir.resolve("models"), Set.of(".sql")));
    assertEquals(List.of(), FileSource.DISK.list(dir.resolve("none"), Set.of(".sql")));
  }
}
