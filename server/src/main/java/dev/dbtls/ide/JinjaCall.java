package dev.dbtls.ide;

import dev.dbtls.jinja.scan.Token;
import dev.dbtls.jinja.scan.TokenKind;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The call whose argument list the cursor is in: {@code qualifier.name(}, which argument, and
 * whether the cursor is where an argument (or a keyword argument's value) starts.
 */
final class JinjaCall {
  String qualifier;
  String name;
  int argIndex;
  String keyword;
  boolean atArgStart;
  boolean atValueStart;
  final List<String> literals = new ArrayList<>();

  /** Keyword arguments given before the cursor's argument. */
  final Set<String> keywords = new HashSet<>();

  String literal(int i) {
    return i < literals.size() ? literals.get(i) : null;
  }

  /** The call around the argument that starts at token {@code at} (or is being typed there). */
  static JinjaCall around(List<Token> tokens, int at) {
    int depth = 0;
    int open = -1;
    List<Integer> commas = new ArrayList<>();
    for (int i = at - 1; i >= 0; i--) {
      Token t = tokens.get(i);
      if (t.kind() != TokenKind.PUNCT) {
        continue;
      }
      String v = t.value();
      if (v.equals(")") || v.equals("]") || v.equals("}")) {
        depth++;
      } else if (v.equals("(") || v.equals("[") || v.equals("{")) {
        if (depth == 0) {
          open = i;
          break;
        }
        depth--;
      } else if (v.equals(",") && depth == 0) {
        commas.add(0, i);
      }
    }
    if (open < 1
        || !tokens.get(open).isPunct("(")
        || tokens.get(open - 1).kind() != TokenKind.NAME) {
      return null;
    }
    JinjaCall c = new JinjaCall();
    c.name = tokens.get(open - 1).value();
    if (open >= 3
        && tokens.get(open - 2).isPunct(".")
        && tokens.get(open - 3).kind() == TokenKind.NAME) {
      c.qualifier = tokens.get(open - 3).value();
    }
    c.argIndex = commas.size();
    int argFrom = commas.isEmpty() ? open + 1 : commas.get(commas.size() - 1) + 1;
    int before = at - argFrom; // tokens of this argument before the cursor's token
    c.atArgStart = before == 0;
    if (before == 2
        && tokens.get(argFrom).kind() == TokenKind.NAME
        && tokens.get(argFrom + 1).isOperator("=")) {
      c.keyword = tokens.get(argFrom).value();
      c.atValueStart = true;
    }
    int from = open + 1;
    for (int comma : commas) {
      if (comma - from >= 2
          && tokens.get(from).kind() == TokenKind.NAME
          && tokens.get(from + 1).isOperator("=")) {
        c.keywords.add(tokens.get(from).value());
      }
      c.literals.add(
          comma - from == 1 && tokens.get(from).kind() == TokenKind.STRING
              ? tokens.get(from).value()
              : null);
      from = comma + 1;
    }
    return c;
  }
}
