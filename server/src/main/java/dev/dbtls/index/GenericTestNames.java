package dev.dbtls.index;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Names generic tests the way dbt does: {@code <test>_<model>_<args flattened>}, e.g.
 * {@code accepted_values_orders_status__placed__shipped}; source tests get a {@code source_}
 * prefix and {@code <source>_<table>} as the target.
 */
final class GenericTestNames {
  private static final java.util.regex.Pattern UNSAFE = java.util.regex.Pattern.compile("[^0-9a-zA-Z_]+");
  private static final ThreadLocal<MessageDigest> MD5 = ThreadLocal.withInitial(() -> {
    try {
      return MessageDigest.getInstance("MD5");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has MD5", e);
    }
  });

  private GenericTestNames() {}

  static String name(String testIdentifier, String targetName, Map<String, Object> args) {
    List<String> flat = new ArrayList<>();
    new TreeMap<>(args).forEach((k, v) -> {
      if ("model".equals(k)) {
        return;
      }
      if (v instanceof Map<?, ?> m) {
        m.values().forEach(x -> flat.add(String.valueOf(x)));
      } else if (v instanceof List<?> l) {
        l.forEach(x -> flat.add(String.valueOf(x)));
      } else {
        flat.add(String.valueOf(v));
      }
    });
    List<String> clean = flat.stream().map(s -> UNSAFE.matcher(s).replaceAll("_")).toList();
    return testIdentifier + "_" + targetName + (clean.isEmpty() ? "" : "_" + String.join("__", clean));
  }

  /** A short stable hash for the unique id, as dbt appends one to generic test ids. */
  static String hash(String name) {
    byte[] d = MD5.get().digest(name.getBytes(StandardCharsets.UTF_8));
    return java.util.HexFormat.of().formatHex(d, 0, 5);
  }
}
