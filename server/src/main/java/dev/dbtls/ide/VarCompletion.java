package dev.dbtls.ide;

/** {@code var('}: the vars the file's package sees, with their values. */
final class VarCompletion {
  private VarCompletion() {}

  static void inString(CompletionContext c, CompletionItems items) {
    if (!c.inCallOf("var") || c.call.argIndex != 0 || c.call.keyword != null) {
      return;
    }
    c.snapshot
        .inputs()
        .vars()
        .visible(c.packageName)
        .forEach(
            (name, value) -> {
              String shown = value == null ? "null" : String.valueOf(value);
              if (shown.length() > 80) {
                shown = shown.substring(0, 77) + "...";
              }
              items.add(name, CompletionKind.VAR, 0, "var = " + shown, null, name, false);
            });
  }
}
