package dev.dbtls.workspace;

import dev.dbtls.project.Problem;
import dev.dbtls.project.ProblemCode;
import dev.dbtls.project.ProjectInputs;
import dev.dbtls.project.Severity;
import dev.dbtls.project.yaml.YamlDocument;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The editor's {@code dbtls.*} settings, typed (documented in docs/configuration.md). Each setting
 * is read on its own: a bad value is reported in {@link #errors()} and that setting keeps its
 * default, the others still apply.
 *
 * @param target the profile's target, like {@code dbt --target}; null: the profile's default
 * @param profile the profile instead of dbt_project.yml's
 * @param profilesDir where profiles.yml is; null: where dbt looks
 * @param vars like {@code dbt --vars}
 * @param builtinMacroDirs folders of dbt's own macros that replace the ones shipped with dbtls
 * @param severities by problem code id: {@code error}, {@code warning}, {@code info} or {@code off}
 * @param strict {@code dbtls.strict}: the deprecations of dbt's strict spec ({@link
 *     ProblemCode#isDeprecation()}) are errors, as dbt v2 refuses them; {@code severities} still
 *     win
 * @param historyMaxEntries how many queries the history keeps (null: the store's default)
 * @param rebuildDelayMillis how long typing must pause before the project is indexed again; {@link
 *     Workspace#ADAPTIVE} (the default) follows what a rebuild of the project costs
 * @param benchmark defaults of {@code dbt/benchmark} and whether recommendations may be applied
 * @param allowFileReads {@code dbtls.warehouse.allowFileReads}: SQL may read any file through the
 *     warehouse's file functions, not only the project's own
 * @param maxBytesScanned {@code dbtls.warehouse.maxBytesScanned}: a preview on an engine that bills
 *     by bytes (BigQuery) is refused when its dry run says it would read more; 0: no limit beyond
 *     the profile's own
 * @param protectedTargets {@code dbtls.run.protectedTargets}: targets a build, run, seed or
 *     snapshot writes to only once the user confirmed (default: prod, production)
 * @param executor {@code dbtls.run.executor}: {@code auto} (the user's dbt when one is found, else
 *     the native runner), {@code dbt} or {@code native}
 * @param dbtPath {@code dbtls.dbt.path}: the user's dbt executable; null: looked for in the
 *     project's virtual environment, then on PATH
 * @param dbtVersion {@code dbtls.dbtVersion}: the dbt version to emulate where versions differ;
 *     null: dbt 1.12, unless the project's require-dbt-version excludes it
 * @param errors one message per bad setting, {@code dbtls.x: what is wrong}
 */
public record Settings(
    String target,
    String profile,
    Path profilesDir,
    Map<String, Object> vars,
    List<Path> builtinMacroDirs,
    Map<String, String> severities,
    boolean strict,
    long rebuildDelayMillis,
    Integer historyMaxEntries,
    Benchmarking benchmark,
    boolean allowFileReads,
    long maxBytesScanned,
    List<String> protectedTargets,
    dev.dbtls.run.dbt.Executor executor,
    Path dbtPath,
    String dbtVersion,
    List<String> errors) {

  /** The targets a build asks about first unless the user lists others. */
  public static final List<String> PROTECTED_TARGETS = List.of("prod", "production");

  /**
   * {@code dbtls.benchmark.*} and {@code dbtls.recommendations.allowApply}.
   *
   * @param warmups runs before the measured ones, not counted
   * @param runs measured runs per variant
   * @param timeBudgetSeconds no new run starts past this
   * @param allowApply whether {@code dbt/applyRecommendation} may change the warehouse for real
   * @param confirmBytesAbove where the engine bills by bytes scanned (BigQuery), a benchmark whose
   *     runs would scan more than this runs only once the user confirmed (0: never asked)
   * @param confirmCreditsAbove where the engine bills the warehouse's time in credits (Snowflake),
   *     a benchmark whose time budget at the warehouse's rate could cost more than this runs only
   *     once the user confirmed (0: never asked)
   */
  public record Benchmarking(
      int warmups,
      int runs,
      int timeBudgetSeconds,
      boolean allowApply,
      long confirmBytesAbove,
      double confirmCreditsAbove) {
    /** 100 GiB: about $0.61 at BigQuery's on-demand US list price. */
    public static final long CONFIRM_BYTES_ABOVE = 100L << 30;

    /** One credit: a Medium warehouse for 15 minutes. */
    public static final double CONFIRM_CREDITS_ABOVE = 1.0;

    public static final int MAX_RUNS = dev.dbtls.benchmark.BenchmarkPlan.MAX_RUNS;
    public static final int MAX_WARMUPS = 100;
    public static final int MAX_SECONDS = 3600;

    /** The benchmark engine's defaults; applying is off. */
    public static Benchmarking defaults() {
      return new Benchmarking(
          dev.dbtls.benchmark.BenchmarkPlan.WARMUPS,
          dev.dbtls.benchmark.BenchmarkPlan.RUNS,
          (int) dev.dbtls.benchmark.BenchmarkPlan.TIME_BUDGET.toSeconds(),
          false,
          CONFIRM_BYTES_ABOVE,
          CONFIRM_CREDITS_ABOVE);
    }
  }

  /** Unset: the quiet period follows the project's rebuild time ({@link Workspace#ADAPTIVE}). */
  public static final long DEFAULT_REBUILD_DELAY_MILLIS = Workspace.ADAPTIVE;

  private static final List<String> LEVELS = List.of("error", "warning", "info", "off");

  public static Settings defaults() {
    return new Settings(
        null,
        null,
        null,
        Map.of(),
        List.of(),
        Map.of(),
        false,
        DEFAULT_REBUILD_DELAY_MILLIS,
        null,
        Benchmarking.defaults(),
        false,
        0,
        PROTECTED_TARGETS,
        dev.dbtls.run.dbt.Executor.AUTO,
        null,
        null,
        List.of());
  }

  /**
   * Reads settings from plain JSON data (maps, lists, strings, numbers, booleans): either the
   * {@code dbtls} section itself or an object holding it under {@code dbtls}; dotted keys such as
   * {@code "dbtls.target"} are accepted too. Relative paths are resolved against {@code base}.
   */
  public static Settings parse(Object json, Path base) {
    Map<String, Object> section = section(json);
    List<String> errors = new ArrayList<>();
    Reader r = new Reader(section, errors, base);
    String target = r.string("target");
    String profile = r.string("profile");
    Path profilesDir = r.path("profilesDir");
    Map<String, Object> vars = r.vars("vars");
    List<Path> macros = r.paths("builtinMacroDirs");
    Map<String, String> severities = r.severities("diagnostics.severity");
    Boolean strict = r.flag("strict");
    long delay = r.millis("rebuildDelayMs", DEFAULT_REBUILD_DELAY_MILLIS);
    Integer historyMax = r.count("history.maxEntries", 1, 10_000_000);
    Benchmarking d = Benchmarking.defaults();
    Integer warmups = r.count("benchmark.warmups", 0, Benchmarking.MAX_WARMUPS);
    Integer runs = r.count("benchmark.runs", 1, Benchmarking.MAX_RUNS);
    Integer seconds = r.count("benchmark.timeBudgetSeconds", 1, Benchmarking.MAX_SECONDS);
    Boolean allowApply = r.flag("recommendations.allowApply");
    Boolean allowFileReads = r.flag("warehouse.allowFileReads");
    long maxBytesScanned = r.bytes("warehouse.maxBytesScanned", 0);
    long confirmBytes = r.bytes("benchmark.confirmBytesAbove", d.confirmBytesAbove());
    double confirmCredits = r.amount("benchmark.confirmCreditsAbove", d.confirmCreditsAbove());
    List<String> protectedTargets = r.names("run.protectedTargets", PROTECTED_TARGETS);
    dev.dbtls.run.dbt.Executor executor = r.executor("run.executor");
    Path dbtPath = r.path("dbt.path");
    String dbtVersion = r.string("dbtVersion");
    if (dbtVersion != null && dev.dbtls.project.DbtVersion.parse(dbtVersion) == null) {
      errors.add("dbtls.dbtVersion: not a dbt version (like 1.12 or 1.6.3): " + dbtVersion);
      dbtVersion = null;
    }
    Benchmarking benchmark =
        new Benchmarking(
            warmups == null ? d.warmups() : warmups,
            runs == null ? d.runs() : runs,
            seconds == null ? d.timeBudgetSeconds() : seconds,
            allowApply != null && allowApply,
            confirmBytes,
            confirmCredits);
    for (String key : section.keySet()) {
      if (!KEYS.contains(key) && !CLIENT_KEYS.contains(key)) {
        errors.add("dbtls." + key + ": unknown setting");
      }
    }
    return new Settings(
        target,
        profile,
        profilesDir,
        vars,
        macros,
        severities,
        strict != null && strict,
        delay,
        historyMax,
        benchmark,
        allowFileReads != null && allowFileReads,
        maxBytesScanned,
        protectedTargets,
        executor,
        dbtPath,
        dbtVersion,
        List.copyOf(errors));
  }

  /** What the project loader takes from these settings; the environment is the process's. */
  public ProjectInputs.Options options(Map<String, String> env) {
    return new ProjectInputs.Options(profilesDir, profile, target, vars, env, dbtVersion);
  }

  /**
   * {@code problems} with the severities the user chose; those turned {@code off} are left out.
   * With {@link #strict}, the strict spec's deprecations are errors unless {@code severities} names
   * their code.
   */
  public List<Problem> adjust(List<Problem> problems) {
    if (severities.isEmpty() && !strict) {
      return problems;
    }
    List<Problem> out = new ArrayList<>(problems.size());
    for (Problem p : problems) {
      String level = severities.get(p.code().id());
      if (level == null && strict && p.code().isDeprecation()) {
        out.add(p.withSeverity(Severity.ERROR));
      } else if (level == null) {
        out.add(p);
      } else if (!level.equals("off")) {
        out.add(p.withSeverity(Severity.valueOf(level.toUpperCase(Locale.ROOT))));
      }
    }
    return out;
  }

  /** The settings that change how projects are loaded (not just how problems are shown). */
  public boolean sameProjectOptions(Settings o) {
    return java.util.Objects.equals(target, o.target)
        && java.util.Objects.equals(profile, o.profile)
        && java.util.Objects.equals(profilesDir, o.profilesDir)
        && vars.equals(o.vars)
        && builtinMacroDirs.equals(o.builtinMacroDirs)
        && java.util.Objects.equals(dbtVersion, o.dbtVersion);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> section(Object json) {
    if (!(json instanceof Map<?, ?> m)) {
      return Map.of();
    }
    Map<String, Object> flat = new LinkedHashMap<>();
    Object nested = m.get("dbtls");
    Map<String, Object> base =
        nested instanceof Map<?, ?> n ? (Map<String, Object>) n : (Map<String, Object>) m;
    base.forEach(
        (k, v) -> {
          if (!k.startsWith("dbtls.")) {
            flatten(k, v, flat);
          }
        });
    // "dbtls.x" keys next to (or instead of) a dbtls object
    m.forEach(
        (k, v) -> {
          if (k instanceof String s && s.startsWith("dbtls.")) {
            flatten(s.substring("dbtls.".length()), v, flat);
          }
        });
    return flat;
  }

  /**
   * {@code diagnostics: {severity: {...}}} becomes {@code diagnostics.severity}; maps that are
   * values stay.
   */
  @SuppressWarnings("unchecked")
  private static void flatten(String key, Object value, Map<String, Object> out) {
    if (value instanceof Map<?, ?> m
        && !KEYS.contains(key)
        && java.util.stream.Stream.concat(KEYS.stream(), CLIENT_KEYS.stream())
            .anyMatch(k -> k.startsWith(key + "."))) {
      ((Map<String, Object>) m).forEach((k, v) -> flatten(key + "." + k, v, out));
    } else {
      out.put(key, value);
    }
  }

  /** The server's settings, under {@code dbtls.} (docs/configuration.md). */
  public static final List<String> KEYS =
      List.of(
          "target",
          "profile",
          "profilesDir",
          "vars",
          "builtinMacroDirs",
          "diagnostics.severity",
          "strict",
          "rebuildDelayMs",
          "history.maxEntries",
          "benchmark.warmups",
          "benchmark.runs",
          "benchmark.timeBudgetSeconds",
          "benchmark.confirmBytesAbove",
          "benchmark.confirmCreditsAbove",
          "recommendations.allowApply",
          "warehouse.allowFileReads",
          "warehouse.maxBytesScanned",
          "run.protectedTargets",
          "run.executor",
          "dbt.path",
          "dbtVersion");

  /**
   * Settings of the editor clients (how they start the server), also under {@code dbtls.}: the
   * server is sent them with the rest and ignores them without a warning.
   */
  public static final List<String> CLIENT_KEYS =
      List.of("java.home", "server.vmargs", "server.maxHeap", "trace.server", "mcp.enabled");

  /** Reads one setting at a time, recording what is wrong with it. */
  private record Reader(Map<String, Object> section, List<String> errors, Path base) {

    String string(String key) {
      Object v = section.get(key);
      if (v == null || v instanceof String s && s.isBlank()) {
        return null;
      }
      if (v instanceof String s) {
        return s.trim();
      }
      return bad(key, "expected a string", v);
    }

    dev.dbtls.run.dbt.Executor executor(String key) {
      String s = string(key);
      if (s == null) {
        return dev.dbtls.run.dbt.Executor.AUTO;
      }
      dev.dbtls.run.dbt.Executor e = dev.dbtls.run.dbt.Executor.of(s);
      if (e == null) {
        bad(key, "expected auto, dbt or native", s);
        return dev.dbtls.run.dbt.Executor.AUTO;
      }
      return e;
    }

    Path path(String key) {
      String s = string(key);
      return s == null ? null : resolve(s);
    }

    List<Path> paths(String key) {
      Object v = section.get(key);
      if (v == null) {
        return List.of();
      }
      if (v instanceof String s) {
        return s.isBlank() ? List.of() : List.of(resolve(s.trim()));
      }
      if (!(v instanceof List<?> l)) {
        bad(key, "expected a list of folders", v);
        return List.of();
      }
      List<Path> out = new ArrayList<>();
      for (Object o : l) {
        if (o instanceof String s && !s.isBlank()) {
          out.add(resolve(s.trim()));
        } else {
          bad(key, "expected a folder path in the list", o);
        }
      }
      return List.copyOf(out);
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> vars(String key) {
      Object v = section.get(key);
      if (v == null || v instanceof String s && s.isBlank()) {
        return Map.of();
      }
      if (v instanceof Map<?, ?> m) {
        return java.util.Collections.unmodifiableMap(new LinkedHashMap<>((Map<String, Object>) m));
      }
      if (v instanceof String s) {
        // as on the command line: '{key: value}'
        YamlDocument doc = YamlDocument.parse("dbtls.vars", s);
        Object plain = doc.root() == null ? null : doc.root().toPlain();
        if (doc.problems().isEmpty() && plain instanceof Map<?, ?> m) {
          return java.util.Collections.unmodifiableMap(
              new LinkedHashMap<>((Map<String, Object>) m));
        }
        errors.add(
            "dbtls."
                + key
                + ": expected a mapping such as {key: value}"
                + doc.problems().stream()
                    .findFirst()
                    .map(p -> " (" + p.message() + ")")
                    .orElse(""));
        return Map.of();
      }
      bad(key, "expected a mapping of var names to values", v);
      return Map.of();
    }

    Map<String, String> severities(String key) {
      Object v = section.get(key);
      if (v == null) {
        return Map.of();
      }
      if (!(v instanceof Map<?, ?> m)) {
        bad(key, "expected a mapping of problem codes to error, warning, info or off", v);
        return Map.of();
      }
      Map<String, String> out = new LinkedHashMap<>();
      m.forEach(
          (code, level) -> {
            Optional<ProblemCode> known =
                java.util.Arrays.stream(ProblemCode.values())
                    .filter(c -> c.id().equals(code))
                    .findFirst();
            String l = level instanceof String s ? s.trim().toLowerCase(Locale.ROOT) : null;
            if (known.isEmpty()) {
              errors.add(
                  "dbtls." + key + "." + code + ": unknown problem code (see docs/diagnostics.md)");
            } else if (l == null || !LEVELS.contains(l)) {
              bad(key + "." + code, "expected error, warning, info or off", level);
            } else {
              out.put(known.get().id(), l);
            }
          });
      return Map.copyOf(out);
    }

    Integer count(String key, int min, int max) {
      Object v = section.get(key);
      if (v == null) {
        return null;
      }
      if (v instanceof Number n
          && n.doubleValue() == Math.rint(n.doubleValue())
          && n.longValue() >= min
          && n.longValue() <= max) {
        return (int) n.longValue();
      }
      bad(key, "expected a whole number from " + min + " to " + max, v);
      return null;
    }

    /** A number of bytes, {@code fallback} when unset or wrong. */
    long bytes(String key, long fallback) {
      Object v = section.get(key);
      if (v == null) {
        return fallback;
      }
      if (v instanceof Number n
          && n.doubleValue() >= 0
          && n.doubleValue() == Math.rint(n.doubleValue())) {
        return n.longValue();
      }
      bad(key, "expected a whole number of bytes, 0 or more", v);
      return fallback;
    }

    /** A number, 0 or more, {@code fallback} when unset or wrong. */
    double amount(String key, double fallback) {
      Object v = section.get(key);
      if (v == null) {
        return fallback;
      }
      if (v instanceof Number n && Double.isFinite(n.doubleValue()) && n.doubleValue() >= 0) {
        return n.doubleValue();
      }
      bad(key, "expected a number, 0 or more", v);
      return fallback;
    }

    /** A list of names (an empty list: none); a bad value keeps {@code fallback}. */
    List<String> names(String key, List<String> fallback) {
      Object v = section.get(key);
      if (v == null) {
        return fallback;
      }
      if (v instanceof List<?> l && l.stream().allMatch(x -> x instanceof String)) {
        return l.stream().map(x -> ((String) x).trim()).filter(x -> !x.isEmpty()).toList();
      }
      bad(key, "expected a list of target names", v);
      return fallback;
    }

    Boolean flag(String key) {
      Object v = section.get(key);
      if (v == null || v instanceof Boolean) {
        return (Boolean) v;
      }
      return bad(key, "expected true or false", v);
    }

    long millis(String key, long fallback) {
      Object v = section.get(key);
      if (v == null) {
        return fallback;
      }
      if (v instanceof Number n && n.doubleValue() >= 0 && n.doubleValue() <= 60_000) {
        return n.longValue();
      }
      bad(key, "expected a number of milliseconds from 0 to 60000", v);
      return fallback;
    }

    /**
     * {@code ~} is the home folder; relative paths start at {@code base}; a path the system rejects
     * is the text itself under base.
     */
    private Path resolve(String s) {
      String home = System.getProperty("user.home");
      String expanded = s.equals("~") ? home : s.startsWith("~/") ? home + s.substring(1) : s;
      try {
        Path p = Path.of(expanded);
        return (p.isAbsolute() || base == null ? p : base.resolve(p)).normalize();
      } catch (java.nio.file.InvalidPathException e) {
        errors.add("dbtls: not a valid path: '" + s + "' (" + e.getReason() + ")");
        return base == null ? Path.of(".") : base;
      }
    }

    private <T> T bad(String key, String expected, Object got) {
      errors.add("dbtls." + key + ": " + expected + ", got " + describe(got));
      return null;
    }

    private static String describe(Object v) {
      return v == null ? "null" : v instanceof String s ? "'" + s + "'" : v.toString();
    }
  }
}
