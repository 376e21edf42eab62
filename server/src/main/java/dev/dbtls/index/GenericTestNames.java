package dev.dbtls.index;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Names generic tests the way dbt does: {@code <test>_<model>_<args flattened>}, e.g. {@code
 * accepted_values_orders_status__placed__shipped}; source tests get a {@code source_} prefix and
 * {@code <source>_<table>} as the target.
 */
final class GenericTestNames {
  private static final ThreadLocal<MessageDigest> MD5 =
      ThreadLocal.withInitial(
          () -> {
            try {
              return MessageDigest.getInstance("MD5");
            } catch (NoSuchAlgorithmException e) {
              throw new IllegalStateException("every Java runtime has MD5", e);
            }
          });

  private GenericTestNames() {}

  /**
   * dbt's two names of a generic test: the full one ({@code <test>_<target>_<args>}, its fqn) and
   * the one it is compiled and known by, which is the full one unless that has 64 characters or
   * more: then the first 30 of {@code <test>_<target>} and the full name's md5.
   */
  record Names(String shortName, String fullName) {}

  static Names names(String testType, String targetName, Map<String, Object> args) {
    List<String> flat = new ArrayList<>();
    new TreeMap<>(args)
        .forEach(
            (k, v) -> {
              if ("model".equals(k)) {
                return;
              }
              if (v instanceof Map<?, ?> m) {
                m.values().forEach(x -> flat.add(python(x)));
              } else if (v instanceof List<?> l) {
                l.forEach(x -> flat.add(python(x)));
              } else {
                flat.add(python(v));
              }
            });
    List<String> clean = flat.stream().map(GenericTestNames::safe).toList();
    String identifier = testType + "_" + targetName;
    String full = identifier + "_" + String.join("__", clean);
    if (full.length() < 64) {
      return new Names(full, full);
    }
    String trunc = identifier.length() > 30 ? identifier.substring(0, 30) : identifier;
    byte[] d = MD5.get().digest(full.getBytes(StandardCharsets.UTF_8));
    return new Names(trunc + "_" + java.util.HexFormat.of().formatHex(d), full);
  }

  /**
   * {@code s} with each run of characters other than ASCII letters, digits and {@code _} as one
   * {@code _}, as dbt's {@code re.sub(r"[^0-9a-zA-Z_]+", "_", s)}; {@code s} itself when it has
   * none. A scan: on the quick compiler the regular expression took 47 % of naming the 208,000
   * tests of 100,000 models (a profiled cold {@code ls}).
   */
  static String safe(String s) {
    StringBuilder out = null;
    boolean inRun = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_') {
        if (out != null) {
          out.append(c);
        }
        inRun = false;
      } else {
        if (out == null) {
          out = new StringBuilder(s.length()).append(s, 0, i);
        }
        if (!inRun) {
          out.append('_');
        }
        inRun = true;
      }
    }
    return out == null ? s : out.toString();
  }

  /** Python's {@code str()} of a YAML value where it differs from Java's. */
  private static String python(Object v) {
    if (v instanceof Boolean b) {
      return b ? "True" : "False";
    }
    return v == null ? "None" : String.valueOf(v);
  }

  /** A short stable hash for the unique id, as dbt appends one to generic test ids. */
  static String hash(String name) {
    byte[] d = MD5.get().digest(name.getBytes(StandardCharsets.UTF_8));
    return java.util.HexFormat.of().formatHex(d, 0, 5);
  }
}
