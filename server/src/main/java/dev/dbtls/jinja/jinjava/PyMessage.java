package dev.dbtls.jinja.jinjava;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Engine messages in dbt's words: Jinjava and the JVM word their errors with Java class names
 * ({@code Cannot coerce '[]' of class dev.dbtls...AgateTable$EmptyColumns to class java.lang.Long},
 * {@code DateTimeParseException: ...}); a user of dbt knows Python's types.
 */
final class PyMessage {
  private PyMessage() {}

  private static final Pattern COERCE =
      Pattern.compile(
          "Cannot coerce '(.*?)' of class (\\S+) to class (\\S+) \\(incompatible type\\)",
          Pattern.DOTALL);
  private static final Pattern JAVA_NAME =
      Pattern.compile(
          "\\b(?:class )?(?:[a-z][a-z0-9_]*\\.){2,}([A-Z][A-Za-z0-9_]*)((?:\\$[A-Za-z0-9_]+)*)");
  private static final Pattern EXCEPTION_PREFIX = Pattern.compile("\\b[A-Z][A-Za-z]*Exception: ");

  private static final Map<String, String> TYPES =
      Map.ofEntries(
          Map.entry("Long", "int"),
          Map.entry("Integer", "int"),
          Map.entry("Short", "int"),
          Map.entry("Byte", "int"),
          Map.entry("BigInteger", "int"),
          Map.entry("Double", "float"),
          Map.entry("Float", "float"),
          Map.entry("BigDecimal", "float"),
          Map.entry("Number", "number"),
          Map.entry("String", "str"),
          Map.entry("Boolean", "bool"),
          Map.entry("List", "list"),
          Map.entry("ArrayList", "list"),
          Map.entry("EmptyColumns", "list"),
          Map.entry("Collection", "list"),
          Map.entry("Map", "dict"),
          Map.entry("HashMap", "dict"),
          Map.entry("LinkedHashMap", "dict"),
          Map.entry("SizeLimitingPyMap", "dict"),
          Map.entry("SizeLimitingPyList", "list"),
          Map.entry("PyList", "list"),
          Map.entry("PyMap", "dict"),
          Map.entry("PyTuple", "tuple"),
          Map.entry("AgateTable", "agate.Table"),
          Map.entry("JinjaMacro", "macro"),
          Map.entry("PackageNamespace", "dict"),
          Map.entry("Undefined", "Undefined"),
          Map.entry("PyDatetime", "datetime"),
          Map.entry("PyDate", "date"),
          Map.entry("PyTimedelta", "timedelta"),
          Map.entry("PyTime", "time"),
          Map.entry("PyTzInfo", "tzinfo"),
          Map.entry("Object", "object"));

  /** {@code message} with Java class names and exception names turned into Python's words. */
  static String of(String message) {
    if (message == null) {
      return "error while rendering";
    }
    String m = message.startsWith("InterpretException: ") ? message.substring(20) : message;
    Matcher c = COERCE.matcher(m);
    StringBuilder b = new StringBuilder();
    while (c.find()) {
      c.appendReplacement(
          b,
          Matcher.quoteReplacement(
              "'"
                  + c.group(1)
                  + "' ("
                  + type(c.group(2))
                  + ") where "
                  + article(type(c.group(3)))
                  + " is expected"));
    }
    c.appendTail(b);
    m = EXCEPTION_PREFIX.matcher(b.toString()).replaceAll("");
    Matcher j = JAVA_NAME.matcher(m);
    b.setLength(0);
    while (j.find()) {
      String simple =
          j.group(2).isEmpty() ? j.group(1) : j.group(2).substring(j.group(2).lastIndexOf('$') + 1);
      j.appendReplacement(b, Matcher.quoteReplacement(TYPES.getOrDefault(simple, simple)));
    }
    j.appendTail(b);
    return b.toString();
  }

  private static String type(String javaName) {
    String simple =
        javaName.substring(Math.max(javaName.lastIndexOf('.'), javaName.lastIndexOf('$')) + 1);
    return TYPES.getOrDefault(simple, simple);
  }

  private static String article(String type) {
    return ("aeiou".indexOf(type.charAt(0)) >= 0 ? "an " : "a ") + type;
  }
}
