package dev.dbtls.project;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * SHA-256 over a sequence of strings, each length-prefixed so that no two different sequences read
 * the same: the keys the columns cache compares between runs and sessions.
 */
public final class Sha256 {
  private Sha256() {}

  /** A new digest; every Java has SHA-256. */
  public static MessageDigest digest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java has SHA-256", e);
    }
  }

  /** Adds {@code s} (null distinct from every string) with its length in front. */
  public static void put(MessageDigest d, String s) {
    byte[] b = (s == null ? "\u0000null" : s).getBytes(StandardCharsets.UTF_8);
    d.update(Integer.toString(b.length).getBytes(StandardCharsets.US_ASCII));
    d.update((byte) ':');
    d.update(b);
  }
}
