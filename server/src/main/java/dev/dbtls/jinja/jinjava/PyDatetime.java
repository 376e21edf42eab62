package dev.dbtls.jinja.jinjava;

import dev.dbtls.jinja.PyObject;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/** A Python datetime for {@code modules.datetime}: fields, strftime, isoformat; prints like str(). */
record PyDatetime(LocalDateTime value) implements PyObject, PyTemporal, Comparable<PyDatetime> {
  @Override
  public Object attr(String name) {
    return switch (name) {
      case "year" -> (long) value.getYear();
      case "month" -> (long) value.getMonthValue();
      case "day" -> (long) value.getDayOfMonth();
      case "hour" -> (long) value.getHour();
      case "minute" -> (long) value.getMinute();
      case "second" -> (long) value.getSecond();
      default -> MISSING;
    };
  }

  @Override
  public Object call(String method, List<Object> args, Map<String, Object> kwargs) {
    return switch (method) {
      case "strftime" -> strftime(value, args.isEmpty() ? "" : PyValues.str(args.get(0)));
      case "isoformat" -> isoformat(args.isEmpty() ? "T" : PyValues.str(args.get(0)));
      case "date" -> new PyDate(value.toLocalDate());
      case "weekday" -> (long) value.getDayOfWeek().getValue() - 1;
      case "replace" -> new PyDatetime(value
          .withYear(PyDate.intArg(kwargs, "year", value.getYear()))
          .withMonth(PyDate.intArg(kwargs, "month", value.getMonthValue()))
          .withDayOfMonth(PyDate.intArg(kwargs, "day", value.getDayOfMonth()))
          .withHour(PyDate.intArg(kwargs, "hour", value.getHour()))
          .withMinute(PyDate.intArg(kwargs, "minute", value.getMinute()))
          .withSecond(PyDate.intArg(kwargs, "second", value.getSecond()))
          .withNano(kwargs.get("microsecond") instanceof Number n ? n.intValue() * 1000 : value.getNano()));
      default -> MISSING;
    };
  }

  private String isoformat(String sep) {
    String t = value.format(DateTimeFormatter.ofPattern(value.getNano() == 0 ? "HH:mm:ss" : "HH:mm:ss.SSSSSS"));
    return value.toLocalDate() + sep + t;
  }

  @Override
  public Object plus(Object other) {
    return other instanceof PyTimedelta t ? new PyDatetime(value.plusNanos(t.micros() * 1000)) : null;
  }

  @Override
  public Object minus(Object other) {
    if (other instanceof PyTimedelta t) {
      return new PyDatetime(value.minusNanos(t.micros() * 1000));
    }
    if (other instanceof PyDatetime d) {
      return new PyTimedelta(java.time.temporal.ChronoUnit.MICROS.between(d.value, value));
    }
    return null;
  }

  @Override
  public int compareTo(PyDatetime o) {
    return value.compareTo(o.value);
  }

  static String strftime(LocalDateTime value, String f) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < f.length(); i++) {
      char c = f.charAt(i);
      if (c != '%' || i + 1 == f.length()) {
        b.append(c);
        continue;
      }
      char t = f.charAt(++i);
      b.append(switch (t) {
        case 'Y' -> String.format("%04d", value.getYear());
        case 'm' -> String.format("%02d", value.getMonthValue());
        case 'd' -> String.format("%02d", value.getDayOfMonth());
        case 'H' -> String.format("%02d", value.getHour());
        case 'M' -> String.format("%02d", value.getMinute());
        case 'S' -> String.format("%02d", value.getSecond());
        case 'f' -> String.format("%06d", value.getNano() / 1000);
        case 'y' -> String.format("%02d", value.getYear() % 100);
        case 'j' -> String.format("%03d", value.getDayOfYear());
        case 'b' -> value.getMonth().getDisplayName(java.time.format.TextStyle.SHORT, java.util.Locale.ENGLISH);
        case 'B' -> value.getMonth().getDisplayName(java.time.format.TextStyle.FULL, java.util.Locale.ENGLISH);
        case 'a' -> value.getDayOfWeek().getDisplayName(java.time.format.TextStyle.SHORT, java.util.Locale.ENGLISH);
        case 'A' -> value.getDayOfWeek().getDisplayName(java.time.format.TextStyle.FULL, java.util.Locale.ENGLISH);
        case 'w' -> String.valueOf(value.getDayOfWeek().getValue() % 7);
        case '%' -> "%";
        default -> "%" + t;
      });
    }
    return b.toString();
  }

  @Override
  public String toString() {
    return value.format(DateTimeFormatter.ofPattern(value.getNano() == 0
        ? "yyyy-MM-dd HH:mm:ss" : "yyyy-MM-dd HH:mm:ss.SSSSSS"));
  }
}
