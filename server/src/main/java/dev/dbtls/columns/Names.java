package dev.dbtls.columns;

import dev.dbtls.sql.ReservedNames;

/**
 * Identifiers as SQL writes them: quotes off ({@code "x"}, {@code `x`}, {@code [x]}), and {@link
 * ReservedNames}' stand-ins turned back.
 */
final class Names {
  private Names() {}

  static String unquoted(String name) {
    if (name == null || name.length() < 2) {
      return name;
    }
    name = ReservedNames.restored(name);
    char a = name.charAt(0);
    char b = name.charAt(name.length() - 1);
    if (a == '"' && b == '"' || a == '`' && b == '`' || a == '[' && b == ']') {
      return name.substring(1, name.length() - 1);
    }
    return name;
  }
}
