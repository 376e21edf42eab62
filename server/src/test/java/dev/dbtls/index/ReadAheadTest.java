package dev.dbtls.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

class ReadAheadTest {
  private static List<Path> files(int n) {
    List<Path> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(i % 10 == 3 ? null : Path.of("/project/models/m" + i + ".sql")); // null: in memory
    }
    return out;
  }

  /** A reader that counts its reads and takes {@code micros} for each (a disk's, or memory's). */
  private static Predicate<Path> reader(Map<Path, AtomicInteger> reads, long micros) {
    return file -> {
      reads.computeIfAbsent(file, f -> new AtomicInteger()).incrementAndGet();
      if (micros > 0) {
        try {
          Thread.sleep(0, (int) (micros * 1000));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      return true;
    };
  }

  private static void waitFor(ReadAhead r, Map<Path, AtomicInteger> reads, int count)
      throws InterruptedException {
    for (int waited = 0; reads.size() < count && waited < 30_000; waited += 5) {
      Thread.sleep(5);
    }
    r.stop();
  }

  @Test
  void filesFromDiskAreReadOnceEachOnSeveralThreadsFromPastTheScansFirstSteps() throws Exception {
    List<Path> files = files(2_000);
    Map<Path, AtomicInteger> reads = new ConcurrentHashMap<>();
    ReadAhead r = ReadAhead.start(files, () -> 0, reader(reads, 300));
    long toRead =
        files.subList(ReadAhead.FIRST, files.size()).stream().filter(f -> f != null).count();
    waitFor(r, reads, (int) toRead);
    assertTrue(r.fromDisk(), "reads of 300 µs are the disk's");
    assertEquals(ReadAhead.THREADS, r.threads());
    assertEquals(toRead, reads.size(), "every file not in memory, from the first past the scan's");
    assertTrue(reads.values().stream().allMatch(c -> c.get() == 1), "each once");
    for (int i = 0; i < ReadAhead.FIRST; i++) {
      assertFalse(
          files.get(i) != null && reads.containsKey(files.get(i)),
          "the scan's first steps are its own: " + i);
    }
  }

  @Test
  void aProbeThatWaitedForACoreOnMostOfItsReadsStillFindsMemory() throws Exception {
    // 9 of the 16 timed reads slow (a thread put aside on two busy cores), the others quick: the
    // median alone would say disk, the quick quarter says memory
    Map<Path, AtomicInteger> reads = new ConcurrentHashMap<>();
    AtomicInteger taken = new AtomicInteger();
    Predicate<Path> quick = reader(reads, 0);
    Predicate<Path> slow = reader(reads, 300);
    ReadAhead r =
        ReadAhead.start(
            files(2_000),
            () -> 0,
            f -> taken.incrementAndGet() % 16 < 9 ? slow.test(f) : quick.test(f));
    for (int waited = 0; reads.size() < ReadAhead.PROBE && waited < 30_000; waited += 5) {
      Thread.sleep(5);
    }
    Thread.sleep(100);
    assertFalse(r.fromDisk());
    assertEquals(1, r.threads());
    assertEquals(ReadAhead.PROBE, reads.size());
  }

  @Test
  void filesFromMemoryStopTheReadingAfterTheFirstFew() throws Exception {
    Map<Path, AtomicInteger> reads = new ConcurrentHashMap<>();
    ReadAhead r = ReadAhead.start(files(2_000), () -> 0, reader(reads, 0));
    for (int waited = 0; reads.size() < ReadAhead.PROBE && waited < 30_000; waited += 5) {
      Thread.sleep(5);
    }
    Thread.sleep(100); // time to read on, had it not stopped
    assertFalse(r.fromDisk());
    assertEquals(1, r.threads(), "the others never start");
    assertEquals(ReadAhead.PROBE, reads.size(), "only the files it timed");
  }

  @Test
  void noFileTheScanHasTakenIsRead() throws Exception {
    List<Path> files = files(3_000);
    Map<Path, AtomicInteger> reads = new ConcurrentHashMap<>();
    AtomicInteger scanned = new AtomicInteger(1_000);
    ReadAhead r = ReadAhead.start(files, scanned::get, reader(reads, 300));
    long toRead = files.subList(1_000, files.size()).stream().filter(f -> f != null).count();
    waitFor(r, reads, (int) toRead);
    assertEquals(toRead, reads.size());
    for (int i = 0; i < 1_000; i++) {
      assertFalse(files.get(i) != null && reads.containsKey(files.get(i)), "behind the scan: " + i);
    }
  }

  @Test
  void aStoppedReadingReadsNoMore() throws Exception {
    Map<Path, AtomicInteger> reads = new ConcurrentHashMap<>();
    ReadAhead r = ReadAhead.start(files(100_000), () -> 0, reader(reads, 300));
    for (int waited = 0; reads.size() < 200 && waited < 30_000; waited += 5) {
      Thread.sleep(5);
    }
    r.stop();
    Thread.sleep(50); // each thread ends its file in hand
    int atStop = reads.size();
    Thread.sleep(200);
    assertEquals(atStop, reads.size());
    assertTrue(atStop < 90_000, atStop + " files read");
  }

  @Test
  void aProjectOfFewFilesReadsNone() throws Exception {
    Map<Path, AtomicInteger> reads = new ConcurrentHashMap<>();
    ReadAhead r = ReadAhead.start(files(ReadAhead.FIRST), () -> 0, reader(reads, 300));
    Thread.sleep(50);
    assertEquals(0, r.threads());
    assertTrue(reads.isEmpty());
  }

  @Test
  void aFileIsReadToItsEndAndOneThatCannotBeIsLeftToTheScan(
      @org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
    Path big = dir.resolve("big.sql");
    java.nio.file.Files.write(big, new byte[300_000]); // past the buffer several times
    assertTrue(ReadAhead.read(big));
    assertFalse(ReadAhead.read(dir.resolve("deleted.sql")));
    assertFalse(ReadAhead.read(dir)); // a folder
  }
}
