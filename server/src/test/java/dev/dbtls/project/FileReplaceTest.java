package dev.dbtls.project;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A file written beside its place and then renamed there; what a killed writer left is removed. */
class FileReplaceTest {
  @TempDir Path dir;

  private static List<String> names(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void aPreparedFileIsInPlaceOnlyOnceCommitted() throws IOException {
    Path file = dir.resolve("sub/p.linked");
    try (FileReplace.Pending p =
        FileReplace.prepare(file, ch -> ch.write(ByteBuffer.wrap(new byte[] {1, 2, 3})))) {
      assertFalse(Files.exists(file));
      p.commit();
    }
    assertArrayEquals(new byte[] {1, 2, 3}, Files.readAllBytes(file));
    assertEquals(List.of("p.linked"), names(file.getParent()));
    // not committed: nothing is left, and the file before stays
    try (FileReplace.Pending p =
        FileReplace.prepare(file, ch -> ch.write(ByteBuffer.wrap(new byte[] {4})))) {
      assertEquals(2, names(file.getParent()).size());
    }
    assertEquals(List.of("p.linked"), names(file.getParent()));
    assertArrayEquals(new byte[] {1, 2, 3}, Files.readAllBytes(file));
    // a content that fails leaves nothing either
    assertThrows(
        IOException.class,
        () ->
            FileReplace.prepare(
                file,
                ch -> {
                  ch.write(ByteBuffer.wrap(new byte[] {5}));
                  throw new IOException("disk full");
                }));
    assertEquals(List.of("p.linked"), names(file.getParent()));
  }

  @Test
  void aKilledWritersTemporaryFileIsRemovedOnceAbandoned() throws IOException {
    Path file = dir.resolve("p.linked");
    Path abandoned = Files.write(dir.resolve("p.linked123.tmp"), new byte[100]);
    Path recent = Files.write(dir.resolve("p.linked456.tmp"), new byte[100]);
    Path others = Files.write(dir.resolve("q.linked789.tmp"), new byte[100]);
    FileTime old = FileTime.from(Instant.now().minus(FileReplace.ABANDONED).minusSeconds(60));
    Files.setLastModifiedTime(abandoned, old);
    Files.setLastModifiedTime(others, old);
    try (FileReplace.Pending p =
        FileReplace.prepare(file, ch -> ch.write(ByteBuffer.wrap(new byte[] {1})))) {
      p.commit();
    }
    assertFalse(Files.exists(abandoned), "abandoned by a killed writer");
    assertTrue(Files.exists(recent), "maybe another process writing now");
    assertTrue(Files.exists(others), "another file's");
  }
}
