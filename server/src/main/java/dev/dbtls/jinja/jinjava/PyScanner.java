package dev.dbtls.jinja.jinjava;

import com.hubspot.jinjava.el.ext.ExtendedScanner;
import java.util.Set;

/**
 * Jinjava's expression scanner with Jinja2's lexer rules where they differ: Python string escapes,
 * no JUEL-only keywords, Jinja2's number literals ({@code 0xa0}, {@code 0o17}, {@code 0b101},
 * {@code 1_000}, integers of any size), {@code +} always an operator (Jinjava reads {@code n+1} as
 * {@code n} followed by the number {@code +1}), and {@code .} always a dot ({@code x.0} is an item,
 * {@code .5} is not a number).
 */
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
  protected Token nextEval() throws ScanException {
    String in = getInput();
    int pos = getPosition();
    char c1 = in.charAt(pos);
    char c2 = pos + 1 < in.length() ? in.charAt(pos + 1) : 0;
    if (c1 == '+' && Character.isDigit(c2)) {
      return fixed(Symbol.PLUS); // binary or unary: the parser decides, as Jinja2's does
    }
    if (c1 == '.' && Character.isDigit(c2)) {
      return fixed(Symbol.DOT);
    }
    if (Character.isDigit(c1)) {
      return number(in, pos);
    }
    return super.nextEval();
  }

  private static final java.util.regex.Pattern FLOAT =
      java.util.regex.Pattern.compile(
          "(\\d+_)*\\d+((\\.(\\d+_)*\\d+)?[eE][+\\-]?(\\d+_)*\\d+|\\.(\\d+_)*\\d+)");
  private static final java.util.regex.Pattern INTEGER =
      java.util.regex.Pattern.compile(
          "0[bB](_?[01])+|0[oO](_?[0-7])+|0[xX](_?[0-9a-fA-F])+|[1-9](_?\\d)*|0(_?0)*");

  /** Jinja2's float and integer rules; a number right after a dot is an integer ({@code x.0.1}). */
  private Token number(String in, int pos) throws ScanException {
    boolean afterDot = pos > 0 && in.charAt(pos - 1) == '.';
    java.util.regex.Matcher f = FLOAT.matcher(in).region(pos, in.length());
    if (!afterDot && f.lookingAt()) {
      return token(Symbol.FLOAT, f.group().replace("_", ""), f.end() - pos);
    }
    java.util.regex.Matcher i = INTEGER.matcher(in).region(pos, in.length());
    if (!i.lookingAt()) {
      return super.nextEval();
    }
    String digits = i.group().replace("_", "");
    int radix = 10;
    if (digits.length() > 1 && Character.isLetter(digits.charAt(1))) {
      radix =
          switch (Character.toLowerCase(digits.charAt(1))) {
            case 'b' -> 2;
            case 'o' -> 8;
            default -> 16;
          };
      digits = digits.substring(2);
    }
    return token(Symbol.INTEGER, new java.math.BigInteger(digits, radix).toString(), i.end() - pos);
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
          case '\n' -> {}
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
