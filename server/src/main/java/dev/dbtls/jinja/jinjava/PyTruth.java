package dev.dbtls.jinja.jinjava;

import com.hubspot.jinjava.el.TruthyTypeConverter;
import java.math.BigDecimal;
import java.math.BigInteger;

/** Python's coercions: any non-empty string is true ("false" too), and bools are 0 and 1. */
final class PyTruth extends TruthyTypeConverter {
  private static final long serialVersionUID = 1L;

  @Override
  protected Boolean coerceToBoolean(Object value) {
    return value instanceof String s ? !s.isEmpty() : super.coerceToBoolean(value);
  }

  @Override
  protected Long coerceToLong(Object value) {
    return value instanceof Boolean b ? (b ? 1L : 0L) : super.coerceToLong(value);
  }

  @Override
  protected Double coerceToDouble(Object value) {
    return value instanceof Boolean b ? (b ? 1.0 : 0.0) : super.coerceToDouble(value);
  }

  @Override
  protected BigDecimal coerceToBigDecimal(Object value) {
    return value instanceof Boolean b
        ? (b ? BigDecimal.ONE : BigDecimal.ZERO)
        : super.coerceToBigDecimal(value);
  }

  @Override
  protected BigInteger coerceToBigInteger(Object value) {
    return value instanceof Boolean b
        ? (b ? BigInteger.ONE : BigInteger.ZERO)
        : super.coerceToBigInteger(value);
  }
}
