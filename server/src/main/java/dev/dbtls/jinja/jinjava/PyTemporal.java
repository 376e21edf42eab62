package dev.dbtls.jinja.jinjava;

/** Python's date arithmetic: {@code date + timedelta}, {@code date - date}. Null: unsupported. */
interface PyTemporal {
  Object plus(Object other);

  Object minus(Object other);
}
