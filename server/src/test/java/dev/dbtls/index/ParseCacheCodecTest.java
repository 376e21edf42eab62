package dev.dbtls.index;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A cache file is read whole, a piece at a time. */
class ParseCacheCodecTest {
  @TempDir Path dir;

  @Test
  void aFileOfManyPiecesIsReadWhole() throws IOException {
    for (int size : new int[] {0, 1, 256 << 10, (256 << 10) + 1, 3 * (256 << 10) + 12345}) {
      byte[] b = new byte[size];
      new Random(size).nextBytes(b);
      Path f = dir.resolve("c" + size);
      Files.write(f, b);
      assertArrayEquals(b, ParseCacheCodec.readFile(f), size + " bytes");
    }
  }

  @Test
  void anAbsentFileIsNoSuchFile() {
    assertThrows(NoSuchFileException.class, () -> ParseCacheCodec.readFile(dir.resolve("none")));
    assertEquals(0, dir.toFile().list().length);
  }
}
