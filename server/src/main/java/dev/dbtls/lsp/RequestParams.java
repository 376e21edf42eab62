package dev.dbtls.lsp;

import java.lang.reflect.Method;

/**
 * What a standard request must carry before a handler sees it: LSP4J hands a handler whatever the
 * JSON held, also {@code null} or {@code {}}. A request without what its method needs gets {@code
 * InvalidParams} with the missing field named, never a Java exception.
 */
final class RequestParams {
  private RequestParams() {}

  /** The fields each checked request needs (when its params class has them). */
  private static final String[] REQUIRED = {
    "TextDocument", "Position", "Range", "NewName", "Query", "Label"
  };

  /** Why {@code params} do not fit {@code method}, or null when they do. */
  static String problem(String method, Object params) {
    if (!checked(method)) {
      return null;
    }
    if (params == null) {
      return method + " needs params";
    }
    for (String field : REQUIRED) {
      Method getter = getter(params.getClass(), "get" + field);
      if (getter == null) {
        continue;
      }
      Object value = value(getter, params);
      if (value == null) {
        return method
            + " needs '"
            + Character.toLowerCase(field.charAt(0))
            + field.substring(1)
            + "'";
      }
      if (value instanceof org.eclipse.lsp4j.TextDocumentIdentifier d && d.getUri() == null) {
        return method + " needs 'textDocument.uri'";
      }
      if (value instanceof org.eclipse.lsp4j.Position p
          && (p.getLine() < 0 || p.getCharacter() < 0)) {
        return method + ": a position has no negative line or character";
      }
    }
    return null;
  }

  private static boolean checked(String method) {
    return method.startsWith("textDocument/")
        || method.equals("workspace/symbol")
        || method.equals("completionItem/resolve")
        || method.equals("codeLens/resolve")
        || method.equals("initialize");
  }

  private static Method getter(Class<?> type, String name) {
    try {
      return type.getMethod(name);
    } catch (NoSuchMethodException e) {
      return null;
    }
  }

  private static Object value(Method getter, Object params) {
    try {
      return getter.invoke(params);
    } catch (ReflectiveOperationException | RuntimeException e) {
      return null;
    }
  }
}
