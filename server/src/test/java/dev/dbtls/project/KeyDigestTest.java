package dev.dbtls.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The columns cache's keys: one value per sequence of strings, the same in every session. */
class KeyDigestTest {
  @Test
  void stringsAreTakenWithTheirLengthsSoNoTwoSequencesMeet() {
    Set<String> keys = new HashSet<>();
    keys.add(new KeyDigest().put("ab").put("c").hex());
    keys.add(new KeyDigest().put("a").put("bc").hex());
    keys.add(new KeyDigest().put("abc").hex());
    keys.add(new KeyDigest().put("abc").put("").hex());
    keys.add(new KeyDigest().put((String) null).hex());
    keys.add(new KeyDigest().put("null").hex());
    keys.add(new KeyDigest().put("").hex());
    keys.add(new KeyDigest().hex());
    assertEquals(8, keys.size(), keys.toString());
  }

  @Test
  void theSameInputsGiveTheSameKeyInEveryRun() {
    // a key written by one session is compared by the next: the value must not depend on the JVM
    // (MurmurHash3 x64 128 with seed 0 over the length-prefixed UTF-8 of each string, as first
    // computed by this class: pinned against a change of the encoding made by accident)
    String key = new KeyDigest().put("columns-key 2").put("duckdb").put("select 1 as é").hex();
    assertEquals("08801f027dd8f85ef72ee93fbfe49e1d", key);
    assertNotEquals(
        key, new KeyDigest().put("columns-key 2").put("duckdb").put("select 1 as e").hex());
    assertEquals(16, new KeyDigest().put("x").bytes().length);
  }
}
