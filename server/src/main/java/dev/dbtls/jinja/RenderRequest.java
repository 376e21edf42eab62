package dev.dbtls.jinja;

import java.util.Map;

/**
 * One template to render: its file, text, package, the caller's globals (ref, config, ...) and what
 * the project knows of relations' columns (for introspection without a warehouse), and the database
 * a build executes on (null: statements are skipped, as in a compile).
 */
public record RenderRequest(
    String path,
    String text,
    String packageName,
    Map<String, Object> globals,
    KnownColumns knownColumns,
    Database database) {
  public RenderRequest {
    path = path == null ? "" : path;
    text = text == null ? "" : text;
    globals = globals == null ? Map.of() : globals;
    knownColumns = knownColumns == null ? KnownColumns.NONE : knownColumns;
  }

  public RenderRequest(String path, String text, String packageName, Map<String, Object> globals) {
    this(path, text, packageName, globals, KnownColumns.NONE, null);
  }

  public RenderRequest(
      String path,
      String text,
      String packageName,
      Map<String, Object> globals,
      KnownColumns knownColumns) {
    this(path, text, packageName, globals, knownColumns, null);
  }
}
