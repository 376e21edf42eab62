package dev.dbtls.ide;

import dev.dbtls.project.Target;
import java.util.Optional;

/**
 * Hover on a SQL function's name in SQL text ({@code date_trunc(}): its signature and a line of
 * help from the target adapter's dialect ({@link SqlFunctions}). Not inside Jinja, not after a
 * {@code .} (a method or a schema's function), and only when a {@code (} follows the name.
 */
final class FunctionHover {
  private FunctionHover() {}

  static Optional<HoverInfo> at(Symbol.Context c, int offset) {
    String text = c.text();
    Optional<SqlTokens.Word> at = c.isYaml() ? Optional.empty() : SqlTokens.wordAt(text, offset);
    if (at.isEmpty()) {
      return Optional.empty();
    }
    int start = at.get().start();
    int end = at.get().end();
    if ((start > 0 && text.charAt(start - 1) == '.') || !callFollows(text, end)) {
      return Optional.empty();
    }
    Optional<SqlFunctions.SqlFunction> f =
        SqlFunctions.find(adapterType(c), text.substring(start, end));
    if (f.isEmpty()) {
      return Optional.empty(); // cheap checks first: the template scan only for known names
    }
    if (!SqlTokens.inCodeWord(c.scan().template(), start)) {
      return Optional.empty(); // in Jinja, a string or a comment
    }
    return Optional.of(new HoverInfo(markdown(f.get()), start, end));
  }

  static String markdown(SqlFunctions.SqlFunction f) {
    return "**function** `" + f.signature() + "` · " + f.dialect() + "\n\n" + f.description();
  }

  private static String adapterType(Symbol.Context c) {
    Target t = c.snapshot().inputs().target();
    return t == null ? null : t.type();
  }

  /** Whether {@code (} follows {@code end}, after spaces or tabs. */
  private static boolean callFollows(String text, int end) {
    int i = end;
    while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
      i++;
    }
    return i < text.length() && text.charAt(i) == '(';
  }
}
