package dev.dbtls.jinja.jinjava;

import com.hubspot.jinjava.el.ext.ExtendedScanner;
import java.util.Set;

/** Jinjava's expression scanner with Python string escapes and without JUEL-only keywords. */
final class PyScanner extends ExtendedScanner {

  /** JUEL words that are plain names in Jinja (`div`, `empty`, ... are valid variable names). */
  private static final Set<String> NOT_KEYWORDS =
      Set.of("eq", "ne", "lt", "gt", "le", "ge", "div", "mod", "empty", "instanceof", "null");

  PyScanner(String input) {
    super(input);
  }

  @Override
  protected Token keyword(String s) {
    if (NOT_KEYWORDS.contains(s)) {
      return null;
    }
    return super.keyword(s);
  }

  @Override
  protected Token nextString() throws ScanException {
    builder.setLength(0);
    String in = getInput();
    char quote = in.charAt(getPosition());
    int i = getPosition() + 1;
    int l = in.length();
    while (i < l) {
      char c = in.charAt(i++);
      if (c == '\\' && i < l) {
        char e = in.charAt(i++);
        switch (e) {
          case '\\', '\'', '"' -> builder.append(e);
          case 'n' -> builder.append('\n');
          case 't' -> builder.append('\t');
          case 'r' -> builder.append('\r');
          case 'b' -> builder.append('\b');
          case 'f' -> builder.append('\f');
          case '0' -> builder.append('\0');
          case '\n' -> { }
          // Python keeps unknown escapes as written: '\d+' is a regex, not an error
          default -> builder.append('\\').append(e);
        }
      } else if (c == quote) {
        return token(Symbol.STRING, builder.toString(), i - getPosition());
      } else {
        builder.append(c);
      }
    }
    throw new ScanException(getPosition(), "unterminated string", String.valueOf(quote));
  }
}
