package dev.dbtls.index;

import dev.dbtls.project.Span;
import java.util.List;

/** A macro definition: {@code macro.<package>.<name>}, its parameters and where it is written. */
public record Macro(
    String packageName,
    String name,
    List<String> parameters,
    String description,
    String originalFilePath,
    String displayPath,
    Span span) {
  public String uniqueId() {
    return uniqueId(packageName, name);
  }

  /** The unique id of the macro {@code name} of {@code packageName}. */
  public static String uniqueId(String packageName, String name) {
    return "macro." + packageName + "." + name;
  }
}
