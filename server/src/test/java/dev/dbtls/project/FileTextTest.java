package dev.dbtls.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** A text left to be read when asked: kept when asked for, not kept when only peeked at. */
class FileTextTest {
  private final AtomicInteger reads = new AtomicInteger();
  private final AtomicReference<String> onDisk = new AtomicReference<>("select 1");

  private FileText later() {
    return FileText.later(
        () -> {
          reads.incrementAndGet();
          return onDisk.get();
        });
  }

  @Test
  void aPeekReadsWithoutKeepingAndTheTextIsKeptOnceAskedFor() {
    FileText t = later();
    assertEquals("select 1", t.peek());
    assertEquals("select 1", t.peek());
    assertEquals(2, reads.get(), "each peek reads: nothing kept");
    assertFalse(t.isRead());
    assertEquals("select 1", t.get());
    assertTrue(t.isRead());
    assertEquals("select 1", t.peek());
    assertEquals(3, reads.get(), "a kept text is not read again");
  }

  @Test
  void aMemoIsMadeOnceFromOneReadingWithoutKeepingTheText() {
    FileText t = later();
    assertEquals(8, t.memo(Integer.class, String::length));
    assertEquals(8, t.memo(Integer.class, s -> -1), "kept: not made again");
    assertEquals(1, reads.get());
    assertFalse(t.isRead(), "the text itself is not kept");
    assertEquals("SELECT 1", t.memo(String.class, String::toUpperCase), "another caller's");
  }

  @Test
  void aFailedReadingIsAMissAndNotKeptInAMemo() {
    onDisk.set(null); // deleted, say
    FileText t = later();
    assertEquals("", t.peek());
    assertTrue(t.missed());
    assertEquals(0, t.memo(Integer.class, String::length));
    onDisk.set("select 22");
    assertEquals(9, t.memo(Integer.class, String::length), "read again: the miss was not kept");
    assertFalse(t.missed());
    onDisk.set(null);
    assertEquals("", t.get());
    assertTrue(t.missed());
    onDisk.set("select 3");
    assertEquals("select 3", t.get());
    assertFalse(t.missed(), "a text kept since is no miss");
  }

  @Test
  void aTextReadWhenFoundIsNeverMissed() {
    FileText t = FileText.of("x");
    assertEquals("x", t.peek());
    assertFalse(t.missed());
    assertEquals(null, FileText.of(null).peek(), "a file without a text");
  }
}
