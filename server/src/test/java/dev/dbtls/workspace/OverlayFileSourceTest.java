package dev.dbtls.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.dbtls.project.FileSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The editor's buffers laid over the disk, as a project's files are listed. */
class OverlayFileSourceTest {
  @TempDir Path dir;

  @Test
  void aListingHasTheDisksFilesAndTheBuffersNotYetOnDiskSortedAndEachOnce() throws Exception {
    Path models = Files.createDirectories(dir.resolve("models"));
    Files.writeString(models.resolve("b.sql"), "select 1");
    Files.writeString(models.resolve("d.sql"), "select 2");
    OverlayFileSource files = new OverlayFileSource(FileSource.DISK);
    assertEquals(
        List.of(models.resolve("b.sql"), models.resolve("d.sql")),
        files.list(models, Set.of(".sql")),
        "no buffer open: the disk's list");

    files.open(models.resolve("d.sql"), "select 20", 1); // open, and on disk
    files.open(models.resolve("a.sql"), "select 3", 1); // new, not saved yet
    files.open(models.resolve("staging/c.sql"), "select 4", 1); // in a folder not made yet
    files.open(models.resolve("notes.md"), "# notes", 1); // another suffix
    files.open(dir.resolve("macros/m.sql"), "{% macro m() %}{% endmacro %}", 1); // elsewhere
    assertEquals(
        List.of(
            models.resolve("a.sql"),
            models.resolve("b.sql"),
            models.resolve("d.sql"),
            models.resolve("staging/c.sql")),
        files.list(models, Set.of(".sql")));
  }

  @Test
  void whenEveryOpenBufferIsOnDiskTheDisksListIsTakenAsItIs() throws Exception {
    Path models = Files.createDirectories(dir.resolve("models"));
    Files.writeString(models.resolve("a.sql"), "select 1");
    Files.writeString(models.resolve("b.sql"), "select 2");
    List<Path> sorted = List.of(models.resolve("a.sql"), models.resolve("b.sql"));
    FileSource disk =
        new FileSource() {
          @Override
          public java.util.Optional<String> read(Path file) {
            return FileSource.DISK.read(file);
          }

          @Override
          public boolean isDirectory(Path d) {
            return FileSource.DISK.isDirectory(d);
          }

          @Override
          public List<Path> list(Path d, Set<String> suffixes) {
            return sorted;
          }
        };
    OverlayFileSource files = new OverlayFileSource(disk);
    files.open(models.resolve("b.sql"), "select 20", 1);
    assertSame(sorted, files.list(models, Set.of(".sql")), "not copied, not sorted again");
    files.open(models.resolve("c.sql"), "select 3", 1);
    assertEquals(
        List.of(models.resolve("a.sql"), models.resolve("b.sql"), models.resolve("c.sql")),
        files.list(models, Set.of(".sql")));
  }
}
