package dev.dbtls.index;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A cache file is written a piece at a time with its checksum, and read whole. */
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
  void repeatedStringsAreWrittenOnceAndReadBackByTheirNumbers() {
    ParseCacheCodec.Out o = new ParseCacheCodec.Out();
    o.strings = new ParseCacheCodec.StringNumbers();
    java.util.List<String> written = new java.util.ArrayList<>();
    for (int i = 0; i < 20_000; i++) { // past the table's first sizes: it grows and rehashes
      // equal strings that are other objects, a null, and strings whose hashes collide
      String s = i % 3 == 0 ? null : new String("name_" + (i % 5_000));
      written.add(s);
      o.str(s);
    }
    o.str("Aa");
    o.str("BB"); // the same String.hashCode as "Aa"
    o.str(new String("Aa"));
    written.addAll(java.util.List.of("Aa", "BB", "Aa"));
    assertEquals(5_000 + 2, o.strings.size(), "each distinct string once");
    ParseCacheCodec.In in = new ParseCacheCodec.In(o.buf, 0, o.size);
    in.strings = new java.util.ArrayList<>();
    for (String s : written) {
      assertEquals(s, in.str());
    }
    assertEquals(o.size, in.pos);
  }

  @Test
  void anAbsentFileIsNoSuchFile() {
    assertThrows(NoSuchFileException.class, () -> ParseCacheCodec.readFile(dir.resolve("none")));
    assertEquals(0, dir.toFile().list().length);
  }

  @Test
  void aFileHandedOnInPiecesIsTheBufferItWouldHaveHeldWithItsChecksum() throws IOException {
    for (int spillAt : new int[] {1, 7, 100, 1 << 20}) {
      Path f = dir.resolve("spilled" + spillAt);
      ParseCacheCodec.Out whole = new ParseCacheCodec.Out();
      try (FileChannel ch =
          FileChannel.open(f, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
        ParseCacheCodec.Out o = new ParseCacheCodec.Out(ch, 3, spillAt);
        for (ParseCacheCodec.Out x : new ParseCacheCodec.Out[] {o, whole}) {
          x.bytes(new byte[] {'M', 'A', 'G'}, 0, 3);
          x.i32(0);
          Random r = new Random(spillAt);
          for (int i = 0; i < 500; i++) {
            int start = x.size;
            x.str("item " + i + " " + "x".repeat(r.nextInt(40)));
            x.num(r.nextInt());
            if (i % 9 == 0) {
              x.size = start; // an item taken back, as an entry the format cannot hold is
            }
            x.spill();
          }
        }
        ParseCacheCodec.seal(o);
      }
      byte[] b = Files.readAllBytes(f);
      assertTrue(ParseCacheCodec.intact(b, 3), spillAt + ": the checksum fits");
      byte[] expected = java.util.Arrays.copyOf(whole.buf, whole.size);
      System.arraycopy(b, 3, expected, 3, 4); // the checksum the whole buffer never got
      assertArrayEquals(expected, b, spillAt + ": the same bytes");
      b[b.length / 2] ^= 1;
      assertTrue(!ParseCacheCodec.intact(b, 3), spillAt + ": a changed byte is seen");
    }
  }
}
