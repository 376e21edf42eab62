package dev.dbtls.project;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What of a profile is a credential, wherever it sits: a key that names one (at any depth: {@code
 * password}, {@code pass}, {@code settings.s3_secret_access_key}, {@code api_key}, ...), the
 * password in a URL's user info ({@code postgres://u:p@h}) or a URL or connection-string parameter
 * that names one ({@code ?password=...}, {@code ;AccountKey=...}). Templates see profiles only
 * through {@link #redact}, so no credential can reach compiled SQL, answers, logs or the store.
 */
public final class Secrets {
  private Secrets() {}

  /** Written where a credential was inside a string that is kept (a URL). */
  public static final String HIDDEN = "****";

  private static final Pattern USER_INFO = Pattern.compile("(//[^/:@\\s]*):([^@/\\s]*)@");
  private static final Pattern PARAMETER =
      Pattern.compile("([?&;]\\s*)([A-Za-z0-9_.\\-]+)(\\s*=\\s*)([^&;\\s]*)");

  /** Whether a profile key holds a credential (case and place do not matter). */
  public static boolean isSecretKey(String key) {
    String k = key.toLowerCase(Locale.ROOT);
    return k.equals("pass")
        || k.equals("pwd")
        || k.contains("password")
        || k.contains("passwd")
        || k.contains("secret")
        || k.contains("token")
        || k.contains("private_key")
        || k.contains("keyfile")
        || k.contains("passphrase")
        || k.contains("credential")
        || k.endsWith("key");
  }

  /**
   * A copy of {@code value} without credentials: maps lose their secret keys (at every depth),
   * strings lose the secrets inside them; other values are kept as they are.
   */
  public static Object redact(Object value) {
    if (value instanceof Map<?, ?> m) {
      Map<String, Object> out = new LinkedHashMap<>();
      m.forEach(
          (k, v) -> {
            String key = String.valueOf(k);
            if (!isSecretKey(key)) {
              out.put(key, redact(v));
            }
          });
      return out;
    }
    if (value instanceof List<?> l) {
      List<Object> out = new ArrayList<>(l.size());
      l.forEach(v -> out.add(redact(v)));
      return out;
    }
    return value instanceof String s ? redactString(s) : value;
  }

  /**
   * {@code text} with every credential of {@code fields} (a profile target's: the values of its
   * secret keys, at every depth, of four characters or more) hidden, and then URL user info and
   * secret parameters — for messages a program wrote that dbtls did not (the user's dbt).
   */
  public static String scrub(String text, Map<String, Object> fields) {
    if (text == null) {
      return null;
    }
    List<String> values = new ArrayList<>();
    secretValues(fields, false, values);
    String t = text;
    for (String v : values) {
      t = t.replace(v, HIDDEN);
    }
    return redactString(t);
  }

  private static void secretValues(Object value, boolean secret, List<String> out) {
    if (value instanceof Map<?, ?> m) {
      m.forEach((k, v) -> secretValues(v, secret || isSecretKey(String.valueOf(k)), out));
    } else if (value instanceof List<?> l) {
      l.forEach(v -> secretValues(v, secret, out));
    } else if (secret && value != null && String.valueOf(value).length() >= 4) {
      out.add(String.valueOf(value));
    }
  }

  /** {@code text} with the password of URL user info and secret parameters hidden. */
  public static String redactString(String text) {
    if (text.indexOf('@') < 0 && text.indexOf('=') < 0) {
      return text;
    }
    String t =
        USER_INFO
            .matcher(text)
            .replaceAll(m -> Matcher.quoteReplacement(m.group(1) + ":" + HIDDEN + "@"));
    return PARAMETER
        .matcher(t)
        .replaceAll(
            m ->
                Matcher.quoteReplacement(
                    isSecretKey(m.group(2))
                        ? m.group(1) + m.group(2) + m.group(3) + HIDDEN
                        : m.group()));
  }
}
