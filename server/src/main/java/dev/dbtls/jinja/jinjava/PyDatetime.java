package dev.dbtls.jinja.jinjava;

import dev.dbtls.jinja.PyObject;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/** A Python datetime for {@code modules.datetime}: fields, strftime, isoformat; prints like str(). */
record PyDatetime(LocalDateTime value) implements PyObject {
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
      case "strftime" -> strftime(args.isEmpty() ? "" : PyValues.str(args.get(0)));
      case "isoformat" -> value.format(DateTimeFormatter.ISO_LOCAL_DATE_TIME);
      case "date" -> value.toLocalDate().toString();
      default -> MISSING;
    };
  }

  private String strftime(String f) {
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
