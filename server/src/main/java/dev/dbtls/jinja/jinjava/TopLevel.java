package dev.dbtls.jinja.jinjava;

import java.util.ArrayList;
import java.util.List;
import jinjava.de.odysseus.el.tree.impl.Scanner.ScanException;
import jinjava.de.odysseus.el.tree.impl.Scanner.Symbol;
import jinjava.de.odysseus.el.tree.impl.Scanner.Token;

/** Splits expression text at commas outside brackets and strings, with Jinjava's scanner. */
final class TopLevel {
  private TopLevel() {}

  static List<String> split(String text, char separator) {
    List<String> parts = new ArrayList<>();
    PyScanner s = new PyScanner("#{" + text + "}");
    int depth = 0;
    int from = 0;
    try {
      for (Token t = s.next();
          t.getSymbol() != Symbol.EOF && t.getSymbol() != Symbol.END_EVAL;
          t = s.next()) {
        String img = t.getImage();
        if (t.getSymbol() == Symbol.LPAREN || t.getSymbol() == Symbol.LBRACK || "{".equals(img)) {
          depth++;
        } else if (t.getSymbol() == Symbol.RPAREN
            || t.getSymbol() == Symbol.RBRACK
            || "}".equals(img)) {
          depth--;
        } else if (depth == 0 && img.equals(String.valueOf(separator))) {
          int at = s.getPosition() - 2;
          parts.add(text.substring(from, at));
          from = at + 1;
        }
      }
    } catch (ScanException e) {
      return List.of(text);
    }
    parts.add(text.substring(from));
    return parts;
  }
}
