package dev.dbtls.jinja.jinjava;

import dev.dbtls.jinja.PyObject;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A tzinfo as dbt's templates meet them: pytz's ({@code modules.pytz.timezone('America/New_York')},
 * {@code modules.pytz.utc}, {@code FixedOffset}) and Python's {@code datetime.timezone} (what
 * {@code strptime('%z')} attaches). Like pytz's, every instance has one fixed offset: a zone's
 * {@code localize}, {@code normalize} and {@code fromutc} pick the instance valid at that time, and
 * the zone as {@code timezone()} returns it carries the zone's first offset (usually LMT), which is
 * what {@code datetime(..., tzinfo=tz)} attaches in Python too.
 */
record PyTzInfo(
    Kind kind, String zone, ZoneId id, ZoneOffset offset, String abbreviation, int dstSeconds)
    implements PyObject {
  enum Kind {
    /** {@code pytz.utc}: prints {@code UTC}. */
    UTC,
    /** pytz's DstTzInfo or StaticTzInfo: prints its zone name. */
    ZONE,
    /** {@code pytz.FixedOffset(minutes)}. */
    FIXED,
    /** Python's {@code datetime.timezone(offset[, name])}. */
    PYTHON
  }

  static final PyTzInfo UTC_TZ =
      new PyTzInfo(Kind.UTC, "UTC", ZoneOffset.UTC, ZoneOffset.UTC, "UTC", 0);

  /** {@code pytz.timezone(name)}: case-insensitive as pytz is; unknown names raise as pytz does. */
  static PyTzInfo timezone(String name) {
    if ("UTC".equalsIgnoreCase(name)) {
      return UTC_TZ;
    }
    ZoneId id = zoneId(name);
    if (id == null) {
      throw new IllegalArgumentException("UnknownTimeZoneError: '" + name + "'");
    }
    ZoneRules rules = id.getRules();
    if (rules.isFixedOffset()) {
      Instant now = Instant.now();
      return new PyTzInfo(
          Kind.ZONE, id.getId(), id, rules.getOffset(now), abbreviation(id, now), 0);
    }
    List<ZoneOffsetTransition> transitions = rules.getTransitions();
    ZoneOffset first =
        transitions.isEmpty()
            ? rules.getOffset(Instant.EPOCH)
            : transitions.get(0).getOffsetBefore();
    return new PyTzInfo(Kind.ZONE, id.getId(), id, minutes(first), "LMT", 0);
  }

  /** {@code pytz.FixedOffset(minutes)}; 0 is {@code pytz.utc}, as in pytz. */
  static PyTzInfo fixedOffset(int minutes) {
    return minutes == 0
        ? UTC_TZ
        : new PyTzInfo(Kind.FIXED, null, null, ZoneOffset.ofTotalSeconds(minutes * 60), null, 0);
  }

  /** Python's {@code datetime.timezone(offset, name)}; {@code name} may be null. */
  static PyTzInfo python(ZoneOffset offset, String name) {
    return new PyTzInfo(Kind.PYTHON, name, null, offset, name, 0);
  }

  private static ZoneId zoneId(String name) {
    if (ZoneId.getAvailableZoneIds().contains(name)) {
      return ZoneId.of(name);
    }
    for (String known : ZoneId.getAvailableZoneIds()) {
      if (known.equalsIgnoreCase(name)) {
        return ZoneId.of(known);
      }
    }
    return null;
  }

  /** pytz rounds every offset of a zone file to the minute (old Pythons required whole minutes). */
  private static ZoneOffset minutes(ZoneOffset o) {
    return ZoneOffset.ofTotalSeconds(Math.floorDiv(o.getTotalSeconds() + 30, 60) * 60);
  }

  /** tzdata's abbreviation: EST, CEST; {@code +07} where tzdata has no letters. */
  private static String abbreviation(ZoneId id, Instant at) {
    ZoneRules rules = id.getRules();
    List<ZoneOffsetTransition> transitions = rules.getTransitions();
    if (!transitions.isEmpty() && at.isBefore(transitions.get(0).getInstant())) {
      return "LMT";
    }
    String s =
        DateTimeFormatter.ofPattern("zzz", Locale.ENGLISH).format(ZonedDateTime.ofInstant(at, id));
    if (s.startsWith("GMT") && s.length() > 3 || s.matches("[+-]\\d\\d:\\d\\d")) {
      String o = s.startsWith("GMT") ? s.substring(3) : s;
      return o.endsWith(":00") ? o.substring(0, o.length() - 3) : o.replace(":", "");
    }
    return s;
  }

  private boolean dynamic() {
    return kind == Kind.ZONE && !id.getRules().isFixedOffset();
  }

  /** The instance of this zone in force at {@code instant}, as pytz's {@code fromutc} picks it. */
  PyTzInfo at(Instant instant) {
    if (!dynamic()) {
      return this;
    }
    ZoneRules rules = id.getRules();
    return new PyTzInfo(
        kind,
        zone,
        id,
        minutes(rules.getOffset(instant)),
        abbreviation(id, instant),
        (int) rules.getDaylightSavings(instant).getSeconds());
  }

  /**
   * pytz's {@code localize(dt, is_dst)}: the offset valid at the wall time; is_dst null raises on
   * doubt.
   */
  PyDatetime localize(PyDatetime dt, Boolean isDst) {
    if (dt.tz() != null) {
      throw new IllegalArgumentException("ValueError: Not naive datetime (tzinfo is already set)");
    }
    if (!dynamic()) {
      return new PyDatetime(dt.value(), this);
    }
    ZoneRules rules = id.getRules();
    LocalDateTime wall = dt.value();
    List<ZoneOffset> valid = rules.getValidOffsets(wall);
    ZoneOffset chosen;
    if (valid.size() == 1) {
      chosen = valid.get(0);
    } else if (valid.isEmpty()) {
      if (isDst == null) {
        throw new IllegalArgumentException("NonExistentTimeError: " + dt);
      }
      // pytz keeps the instance of one side of the jump: after it for is_dst, before it otherwise
      ZoneOffsetTransition gap = rules.getTransition(wall);
      Instant side = isDst ? gap.getInstant() : gap.getInstant().minusSeconds(1);
      return new PyDatetime(wall, at(side));
    } else {
      if (isDst == null) {
        throw new IllegalArgumentException("AmbiguousTimeError: " + dt);
      }
      List<ZoneOffset> matching =
          valid.stream().filter(o -> rules.isDaylightSavings(wall.toInstant(o)) == isDst).toList();
      List<ZoneOffset> pool = matching.isEmpty() ? valid : matching;
      // pytz takes the earliest UTC time for is_dst, the latest otherwise
      chosen =
          pool.stream()
              .reduce((a, b) -> (a.getTotalSeconds() > b.getTotalSeconds()) == isDst ? a : b)
              .orElseThrow();
    }
    return new PyDatetime(wall, at(wall.toInstant(chosen)));
  }

  /**
   * pytz's {@code normalize(dt)}: an aware datetime moved to the instance of this zone then in
   * force.
   */
  PyDatetime normalize(PyDatetime dt) {
    if (dt.tz() == null) {
      throw new IllegalArgumentException("ValueError: Naive time - no tzinfo set");
    }
    return fromUtc(dt.instant());
  }

  /** The wall time here of {@code instant}, as {@code tz.fromutc} gives it. */
  PyDatetime fromUtc(Instant instant) {
    PyTzInfo t = at(instant);
    return new PyDatetime(LocalDateTime.ofInstant(instant, t.offset), t);
  }

  /** This zone's instance for a wall time, as {@code tz.utcoffset(naive)} resolves it. */
  private PyTzInfo forWall(Object dt) {
    if (dt instanceof PyDatetime d && dynamic() && !this.equals(d.tz())) {
      return localize(new PyDatetime(d.value()), false).tz();
    }
    return this;
  }

  /** {@code tzname()}: None for pytz.FixedOffset, {@code UTC+02:00} for an unnamed timezone. */
  String tzname() {
    if (kind == Kind.PYTHON && abbreviation == null) {
      return offset.getTotalSeconds() == 0 ? "UTC" : "UTC" + PyDatetime.offsetText(offset, ":");
    }
    return abbreviation;
  }

  @Override
  public Object attr(String name) {
    return switch (name) {
      case "zone" -> kind == Kind.PYTHON ? MISSING : zone;
      default -> MISSING;
    };
  }

  @Override
  public Object call(String method, List<Object> args, Map<String, Object> kwargs) {
    Object first = args.isEmpty() ? kwargs.get("dt") : args.get(0);
    return switch (method) {
      case "localize" -> {
        Object isDst = args.size() > 1 ? args.get(1) : kwargs.getOrDefault("is_dst", false);
        yield localize(datetimeArg(first), isDst == null ? null : PyValues.truthy(isDst));
      }
      case "normalize" -> normalize(datetimeArg(first));
      case "fromutc" -> fromUtc(datetimeArg(first).value().toInstant(ZoneOffset.UTC));
      case "utcoffset" ->
          first == null && dynamic()
              ? null
              : new PyTimedelta(forWall(first).offset.getTotalSeconds() * 1_000_000L);
      case "dst" ->
          first == null && dynamic() || kind == Kind.PYTHON
              ? null
              : new PyTimedelta(forWall(first).dstSeconds * 1_000_000L);
      case "tzname" -> first == null && dynamic() ? null : forWall(first).tzname();
      default -> MISSING;
    };
  }

  private static PyDatetime datetimeArg(Object o) {
    if (o instanceof PyDatetime d) {
      return d;
    }
    throw new IllegalArgumentException(
        "TypeError: expected a datetime, got " + PyMethods.typeName(o));
  }

  /** {@code repr()}: what a tzinfo inside a printed list or dict shows. */
  String repr() {
    return switch (kind) {
      case UTC -> "<UTC>";
      case FIXED -> toString();
      case PYTHON ->
          offset.getTotalSeconds() == 0 && zone == null
              ? "datetime.timezone.utc"
              : "datetime.timezone(datetime.timedelta("
                  + (offset.getTotalSeconds() < 0
                      ? "days=-1, seconds=" + (86_400 + offset.getTotalSeconds())
                      : "seconds=" + offset.getTotalSeconds())
                  + ")"
                  + (zone == null ? "" : ", '" + zone + "'")
                  + ")";
      case ZONE ->
          dynamic()
              ? "<DstTzInfo '"
                  + zone
                  + "' "
                  + abbreviation
                  + new PyTimedelta(offset.getTotalSeconds() * 1_000_000L)
                  + (dstSeconds == 0 ? " STD>" : " DST>")
              : "<StaticTzInfo '" + zone + "'>";
    };
  }

  @Override
  public String toString() {
    return switch (kind) {
      case UTC, ZONE -> zone;
      case FIXED -> "pytz.FixedOffset(" + offset.getTotalSeconds() / 60 + ")";
      case PYTHON -> tzname();
    };
  }

  static ZoneId systemZone() {
    try {
      return ZoneId.systemDefault();
    } catch (DateTimeException e) {
      return ZoneOffset.UTC;
    }
  }
}
