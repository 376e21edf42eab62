package dev.dbtls.jinja;

import java.util.Map;

/** One template to render: its file, text, package and the caller's globals (ref, config, ...). */
public record RenderRequest(String path, String text, String packageName, Map<String, Object> globals) {
  public RenderRequest {
    path = path == null ? "" : path;
    text = text == null ? "" : text;
    globals = globals == null ? Map.of() : globals;
  }
}
