package dev.dbtls.jinja;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dbtls.project.Adapter;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * {@code modules.pytz}, {@code modules.datetime} and {@code run_started_at} rendered by DbtJinja
 * and by Jinja2 over Python's own datetime. pytz is not installed here, so Python's side gets
 * zoneinfo under pytz's names ({@code timezone}, {@code utc}, {@code localize}, {@code normalize}):
 * the judge of every offset, abbreviation and printed form is Python's datetime and zoneinfo. What
 * only pytz does (the LMT offset a bare zone attaches) is tested apart, below.
 */
class PytzDifferentialTest {
  private static final DbtJinja JINJA =
      new DbtJinja(new JinjaSetup(Adapter.of("postgres"), "p", List.of(), Map.of(), null));

  /** dbt's run_started_at: an aware datetime in UTC. */
  private static final Instant RUN_STARTED_AT = Instant.parse("2024-03-10T06:30:05.123456Z");

  private static final String PYTHON =
      """
      import json, sys, datetime, zoneinfo, jinja2
      class Zone(zoneinfo.ZoneInfo):
          # pytz's localize: is_dst picks the side of an ambiguous or missing wall time
          def localize(self, d, is_dst=False):
              a, b = d.replace(tzinfo=self, fold=0), d.replace(tzinfo=self, fold=1)
              if a.utcoffset() == b.utcoffset():
                  return a
              exists = a.astimezone(datetime.timezone.utc).astimezone(self).replace(tzinfo=None) == d
              if exists:
                  return a if bool(a.dst()) == bool(is_dst) else b
              return b if is_dst else a
          def normalize(self, d):
              return d.astimezone(self)
      pytz = dict(timezone=Zone, utc=Zone('UTC'))
      modules = dict(pytz=pytz, datetime={n: getattr(datetime, n) for n in
                     ['date', 'datetime', 'time', 'timedelta', 'tzinfo']})
      run_started_at = datetime.datetime(2024, 3, 10, 6, 30, 5, 123456, tzinfo=pytz['utc'])
      env = jinja2.Environment(extensions=['jinja2.ext.do'])
      out = {}
      for pid, t in json.load(sys.stdin).items():
          try:
              out[pid] = env.from_string(t).render(modules=modules, run_started_at=run_started_at)
          except Exception as e:
              out[pid] = 'ERROR: %s' % e
      json.dump(out, sys.stdout)
      """;

  /** The expressions public projects write (dbt-date, tuva, dbt docs) and their neighbours. */
  static final Map<String, String> PROBES =
      probes(
          "run_started_at", "{{ run_started_at }}",
          "run_started_at_iso", "{{ run_started_at.isoformat() }}",
          "run_started_at_strftime", "{{ run_started_at.strftime('%Y-%m-%d %H:%M:%S %z %Z') }}",
          "astimezone_utc", "{{ run_started_at.astimezone(modules.pytz.timezone('UTC')) }}",
          "astimezone_new_york",
              "{{ run_started_at.astimezone(modules.pytz.timezone('America/New_York')) }}",
          "astimezone_strftime",
              "{{ run_started_at.astimezone(modules.pytz.timezone('Europe/Zurich'))"
                  + ".strftime('%Y-%m-%d %H:%M:%S %Z%z') }}",
          "astimezone_no_dst",
              "{{ run_started_at.astimezone(modules.pytz.timezone('Canada/Saskatchewan')) }}",
          "astimezone_half_hour",
              "{{ run_started_at.astimezone(modules.pytz.timezone('Asia/Kolkata')) }}",
          "astimezone_tzinfo_str",
              "{{ run_started_at.astimezone(modules.pytz.timezone('America/Chicago')).tzinfo }}",
          "astimezone_date",
              "{{ run_started_at.astimezone(modules.pytz.timezone('Pacific/Auckland')).date() }}",
          "astimezone_time",
              "{{ run_started_at.astimezone(modules.pytz.timezone('America/Sao_Paulo')).time() }}",
          "tz_str", "{{ modules.pytz.timezone('Australia/Sydney') }}|{{ modules.pytz.utc }}",
          "tzname",
              "{{ run_started_at.astimezone(modules.pytz.timezone('America/Los_Angeles')).tzname() }}",
          "utcoffset",
              "{{ run_started_at.astimezone(modules.pytz.timezone('Asia/Kathmandu')).utcoffset() }}",
          "localize",
              "{{ modules.pytz.timezone('US/Eastern').localize(modules.datetime.datetime(2002, 10, 27, 6, 0, 0)) }}",
          "localize_summer",
              "{{ modules.pytz.timezone('Europe/London').localize(modules.datetime.datetime(2024, 7, 1, 12)) }}",
          "localize_ambiguous",
              "{{ modules.pytz.timezone('America/New_York').localize("
                  + "modules.datetime.datetime(2024, 11, 3, 1, 30)) }}",
          "localize_ambiguous_dst",
              "{{ modules.pytz.timezone('America/New_York').localize("
                  + "modules.datetime.datetime(2024, 11, 3, 1, 30), is_dst=True) }}",
          "localize_gap",
              "{{ modules.pytz.timezone('America/New_York').localize("
                  + "modules.datetime.datetime(2024, 3, 10, 2, 30)) }}",
          "localize_gap_dst",
              "{{ modules.pytz.timezone('America/New_York').localize("
                  + "modules.datetime.datetime(2024, 3, 10, 2, 30), is_dst=True) }}",
          "localize_strftime",
              "{{ modules.pytz.timezone('Australia/Sydney').localize("
                  + "modules.datetime.datetime(2024, 1, 5, 9, 15)).strftime('%Y-%m-%d') }}",
          "normalize",
              "{%- set tz = modules.pytz.timezone('Europe/Berlin') -%}"
                  + "{{ tz.normalize(run_started_at) }}|{{ tz.normalize(tz.localize(modules.datetime.datetime(2024, 7, 30, 12))) }}",
          "aware_difference",
              "{%- set tz = modules.pytz.timezone('Europe/Paris') -%}"
                  + "{{ run_started_at - tz.localize(modules.datetime.datetime(2024, 3, 9, 12)) }}",
          "aware_compare",
              "{%- set tz = modules.pytz.timezone('Asia/Tokyo') -%}"
                  + "{{ run_started_at > tz.localize(modules.datetime.datetime(2024, 3, 10, 15)) }}",
          "now_with_utc",
              "{{ (modules.datetime.datetime.now(modules.pytz.utc) - run_started_at).days > 0 }}",
          "now_tz_year",
              "{{ modules.datetime.datetime.now(modules.pytz.timezone('UTC')).year > 2000 }}",
          "replace_tzinfo",
              "{{ modules.datetime.datetime(2024, 1, 2, 3, 4, 5).replace(tzinfo=modules.pytz.utc) }}",
          "replace_tzinfo_none", "{{ run_started_at.replace(tzinfo=none) }}",
          "combine",
              "{{ modules.datetime.datetime.combine(modules.datetime.date(2024, 2, 29), "
                  + "modules.datetime.time(23, 59, 1)) }}",
          "combine_tz",
              "{{ modules.datetime.datetime.combine(modules.datetime.date(2024, 2, 29), "
                  + "modules.datetime.time(1, 2), tzinfo=modules.pytz.utc) }}",
          "time",
              "{{ modules.datetime.time(3, 4, 5, 6) }}|{{ modules.datetime.time(3, 4).isoformat() }}|"
                  + "{{ modules.datetime.time(13, 4).strftime('%I:%M %p') }}",
          "datetime_fields",
              "{%- set d = run_started_at -%}{{ d.microsecond }} {{ d.tzinfo }} {{ d.weekday() }} "
                  + "{{ d.isoweekday() }} {{ d.toordinal() }} {{ d.timestamp() }}",
          "isoformat_timespec",
              "{{ run_started_at.isoformat(' ', 'seconds') }}|{{ run_started_at.isoformat(timespec='milliseconds') }}",
          "fromisoformat_offset",
              "{{ modules.datetime.datetime.fromisoformat('2024-01-02T03:04:05+05:30') }}|"
                  + "{{ modules.datetime.datetime.fromisoformat('2024-01-02 03:04:05') }}",
          "fromtimestamp_utc",
              "{{ modules.datetime.datetime.fromtimestamp(1700000000, modules.pytz.utc) }}",
          "utcfromtimestamp", "{{ modules.datetime.datetime.utcfromtimestamp(1700000000.5) }}",
          "strftime_more",
              "{{ modules.datetime.datetime(2024, 1, 7, 15, 4, 5).strftime('%e|%U|%W|%V|%G|%u|%j|%I|%p|%c|%x|%X|%F|%T|%-d|%-m') }}",
          "timedelta_arith",
              "{{ run_started_at + modules.datetime.timedelta(hours=20) }}|"
                  + "{{ run_started_at - modules.datetime.timedelta(days=400, seconds=1) }}",
          "date_today", "{{ modules.datetime.date.today().year > 2000 }}");

  private static Map<String, String> probes(String... idAndTemplate) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < idAndTemplate.length; i += 2) {
      m.put(idAndTemplate[i], idAndTemplate[i + 1]);
    }
    return m;
  }

  static Map<String, String> python(Map<String, String> templates, String script) throws Exception {
    Process p =
        new ProcessBuilder("python3", "-c", script)
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    try (OutputStream os = p.getOutputStream()) {
      os.write(new ObjectMapper().writeValueAsBytes(templates));
    }
    byte[] out = p.getInputStream().readAllBytes();
    p.waitFor();
    @SuppressWarnings("unchecked")
    Map<String, String> result =
        new ObjectMapper().readValue(new String(out, StandardCharsets.UTF_8), Map.class);
    return result;
  }

  private static Rendered render(String template) {
    return JINJA.render(
        new RenderRequest(
            "t.sql",
            template,
            "p",
            Map.of("run_started_at", DbtJinja.utcDatetime(RUN_STARTED_AT))));
  }

  @TestFactory
  Stream<DynamicTest> rendersAsPythonDoes() throws Exception {
    Map<String, String> expected = python(PROBES, PYTHON);
    return PROBES.entrySet().stream()
        .map(
            e ->
                DynamicTest.dynamicTest(
                    e.getKey(),
                    () -> {
                      Rendered r = render(e.getValue());
                      assertEquals(
                          expected.get(e.getKey()),
                          r.output(),
                          () -> e.getValue() + "\nproblems: " + r.problems());
                    }));
  }

  /**
   * pytz's well-known quirk, which dbt-date's {@code datetime(...,
   * tzinfo=modules.pytz.timezone(tz))} meets: a zone passed as tzinfo carries its first offset,
   * local mean time, rounded to the minute (Los Angeles LMT is -7:52:58, New York's -4:56:02).
   */
  @Test
  void bareZoneAsTzinfoCarriesLocalMeanTime() {
    assertEquals(
        "1997-09-29 06:14:00-07:53|2002-10-27 12:00:00-04:56|LMT|America/New_York",
        render(
                """
        {%- set ny = modules.pytz.timezone('America/New_York') -%}
        {{ modules.datetime.datetime(1997, 9, 29, 6, 14, 0, tzinfo=modules.pytz.timezone('America/Los_Angeles')) }}|
        {{- modules.datetime.datetime(2002, 10, 27, 12, tzinfo=ny) }}|
        {{- modules.datetime.datetime(2002, 10, 27, 12, tzinfo=ny).tzname() }}|{{ ny.zone }}""")
            .output());
  }

  /** pytz keeps a localized offset through arithmetic until normalize(), unlike zoneinfo. */
  @Test
  void arithmeticKeepsTheOffsetUntilNormalize() {
    assertEquals(
        "2024-07-01 12:00:00-05:00|2024-07-01 13:00:00-04:00",
        render(
                """
        {%- set tz = modules.pytz.timezone('America/New_York') -%}
        {%- set d = tz.localize(modules.datetime.datetime(2024, 1, 1, 12)) + modules.datetime.timedelta(days=182) -%}
        {{ d }}|{{ tz.normalize(d) }}""")
            .output());
  }

  /** Names pytz answers and dbt leaves out, in pytz's and Python's words. */
  @Test
  void unknownZonesAndMissingNamesAsPythonSaysThem() {
    Rendered bad = render("{{ modules.pytz.timezone('Mars/Olympus') }}");
    assertEquals(1, bad.problems().size(), bad.problems().toString());
    assertTrue(
        bad.problems().get(0).message().endsWith(": UnknownTimeZoneError: 'Mars/Olympus'"),
        bad.problems().get(0).message());
    // dbt's modules.pytz holds pytz.__all__: lowercase utc only
    assertEquals(
        "UTC|True|pytz.FixedOffset(-300)|2024-01-01 00:00:00-05:00",
        render(
                "{{ modules.pytz.utc }}|{{ modules.pytz.UTC is undefined }}|{{ modules.pytz.FixedOffset(-300) }}|"
                    + "{{ modules.datetime.datetime(2024, 1, 1, tzinfo=modules.pytz.FixedOffset(-300)) }}")
            .output());
    assertEquals(
        "True|America/Chicago",
        render(
                "{{ 'Europe/Paris' in modules.pytz.all_timezones }}|"
                    + "{{ modules.pytz.timezone('america/chicago') }}")
            .output());
  }
}
