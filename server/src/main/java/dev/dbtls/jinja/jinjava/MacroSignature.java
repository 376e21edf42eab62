package dev.dbtls.jinja.jinjava;

import java.util.ArrayList;
import java.util.List;
import jinjava.de.odysseus.el.tree.impl.Scanner.ScanException;
import jinjava.de.odysseus.el.tree.impl.Scanner.Symbol;
import jinjava.de.odysseus.el.tree.impl.Scanner.Token;

/**
 * A macro's {@code name(a, b='x,y', c=[1, 2])}, cut with Jinjava's own expression scanner so that
 * commas and parentheses inside default values don't split parameters (Jinjava's MacroTag does).
 */
record MacroSignature(String name, List<Param> params, int end) {
  /** One parameter; {@code defaultExpr} is the expression text, or null. */
  record Param(String name, String defaultExpr) {}

  /** Parses {@code name(params)} (name optional); null when it isn't one. */
  static MacroSignature parse(String text) {
    String input = "#{" + text + "}";
    PyScanner s = new PyScanner(input);
    try {
      Token t = s.next(); // #{
      t = s.next();
      String name = "";
      if (t.getSymbol() == Symbol.IDENTIFIER) {
        name = t.getImage();
        t = s.next();
      }
      if (t.getSymbol() != Symbol.LPAREN) {
        return name.isEmpty() ? null : new MacroSignature(name, List.of(), text.length());
      }
      List<Param> params = new ArrayList<>();
      int depth = 0;
      String pname = null;
      int defaultStart = -1;
      while (true) {
        t = s.next();
        Symbol sym = t.getSymbol();
        int pos = s.getPosition() - 2;
        if (sym == Symbol.EOF || sym == Symbol.END_EVAL) {
          return null;
        }
        boolean open = sym == Symbol.LPAREN || sym == Symbol.LBRACK || "{".equals(t.getImage());
        boolean close = sym == Symbol.RPAREN || sym == Symbol.RBRACK || "}".equals(t.getImage());
        if (depth == 0 && (sym == Symbol.COMMA || sym == Symbol.RPAREN)) {
          if (pname != null) {
            params.add(
                new Param(
                    pname, defaultStart < 0 ? null : text.substring(defaultStart, pos).trim()));
          }
          pname = null;
          defaultStart = -1;
          if (sym == Symbol.RPAREN) {
            return new MacroSignature(name, params, pos + 1);
          }
          continue;
        }
        if (open) {
          depth++;
        } else if (close) {
          depth--;
        }
        if (depth == 0 && pname == null && sym == Symbol.IDENTIFIER) {
          pname = t.getImage();
        } else if (depth == 0 && defaultStart < 0 && "=".equals(t.getImage())) {
          defaultStart = pos + 1;
        }
      }
    } catch (ScanException e) {
      return null;
    }
  }
}
