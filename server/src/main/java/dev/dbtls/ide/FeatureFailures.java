package dev.dbtls.ide;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The server log's record of features that failed (a bug: features never throw on bad input). Each
 * distinct failure — feature, exception and the frame it came from — is logged with its stack once,
 * then counted, so a broken feature hit on every keystroke cannot flood the log.
 */
public final class FeatureFailures {
  private static final int MAX_KINDS = 200;
  private static final Set<String> SEEN = ConcurrentHashMap.newKeySet();

  private FeatureFailures() {}

  public static void log(String feature, String displayPath, int offset, Throwable e) {
    StackTraceElement[] stack = e.getStackTrace();
    String kind =
        feature + ":" + e.getClass().getName() + "@" + (stack.length == 0 ? "?" : stack[0]);
    boolean first = SEEN.size() < MAX_KINDS && SEEN.add(kind);
    System.err.println(
        "dbtls: "
            + feature
            + " failed at "
            + displayPath
            + " (offset "
            + offset
            + "): "
            + e
            + (first ? "" : " (logged before)"));
    if (first) {
      for (int i = 0; i < Math.min(stack.length, 12); i++) {
        System.err.println("dbtls:     at " + stack[i]);
      }
    }
  }
}
