package dev.dbtls.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbtls.project.Problem;
import dev.dbtls.project.ProblemCode;
import dev.dbtls.project.Severity;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SettingsTest {
  private static final Path BASE = Path.of("/work/ws");

  @Test
  void readsEverySettingTyped() {
    Settings s =
        Settings.parse(
            Map.of(
                "dbtls",
                Map.of(
                    "target",
                    "prod",
                    "profile",
                    "shop",
                    "profilesDir",
                    "config",
                    "vars",
                    Map.of("start", "2020-01-01"),
                    "builtinMacroDirs",
                    List.of("/opt/dbt/include/global_project/macros", "more"),
                    "diagnostics",
                    Map.of("severity", Map.of("ref-unknown", "warning", "doc-unknown", "off")),
                    "rebuildDelayMs",
                    150,
                    "history",
                    Map.of("maxEntries", 500L))),
            BASE);
    assertEquals(List.of(), s.errors());
    assertEquals(500, s.historyMaxEntries());
    assertEquals("prod", s.target());
    assertEquals("shop", s.profile());
    assertEquals(Path.of("/work/ws/config"), s.profilesDir());
    assertEquals(Map.of("start", "2020-01-01"), s.vars());
    assertEquals(
        List.of(Path.of("/opt/dbt/include/global_project/macros"), Path.of("/work/ws/more")),
        s.builtinMacroDirs());
    assertEquals(Map.of("ref-unknown", "warning", "doc-unknown", "off"), s.severities());
    assertEquals(150, s.rebuildDelayMillis());
    assertEquals("prod", s.options(Map.of()).target());
  }

  @Test
  void benchmarkDefaultsAndTheApplySwitch() {
    assertEquals(
        new Settings.Benchmarking(2, 10, 300, false, 100L << 30, 1.0),
        Settings.defaults().benchmark());
    Settings s =
        Settings.parse(
            Map.of(
                "dbtls",
                Map.of(
                    "benchmark",
                    Map.of("warmups", 0L, "runs", 30L, "timeBudgetSeconds", 60L),
                    "recommendations",
                    Map.of("allowApply", true))),
            BASE);
    assertEquals(List.of(), s.errors());
    assertEquals(new Settings.Benchmarking(0, 30, 60, true, 100L << 30, 1.0), s.benchmark());
    Settings bad =
        Settings.parse(
            Map.of(
                "dbtls.benchmark.runs",
                5000L,
                "dbtls.recommendations.allowApply",
                "yes",
                "dbtls.benchmark.warmups",
                3L),
            BASE);
    assertEquals(new Settings.Benchmarking(3, 10, 300, false, 100L << 30, 1.0), bad.benchmark());
    assertEquals(
        java.util.Set.of(
            "dbtls.benchmark.runs: expected a whole number from 1 to 1000, got 5000",
            "dbtls.recommendations.allowApply: expected true or false, got 'yes'"),
        java.util.Set.copyOf(bad.errors()));
  }

  @Test
  void aBenchmarkScanningMoreThanTheThresholdAsksFirstAndZeroNeverAsks() {
    assertEquals(
        5_000_000_000L,
        Settings.parse(Map.of("dbtls.benchmark.confirmBytesAbove", 5_000_000_000L), BASE)
            .benchmark()
            .confirmBytesAbove());
    assertEquals(
        0L,
        Settings.parse(Map.of("dbtls.benchmark.confirmBytesAbove", 0L), BASE)
            .benchmark()
            .confirmBytesAbove());
    Settings bad = Settings.parse(Map.of("dbtls.benchmark.confirmBytesAbove", -1L), BASE);
    assertEquals(100L << 30, bad.benchmark().confirmBytesAbove());
    assertEquals(
        2.5,
        Settings.parse(Map.of("dbtls.benchmark.confirmCreditsAbove", 2.5), BASE)
            .benchmark()
            .confirmCreditsAbove());
    assertEquals(
        List.of(
            "dbtls.benchmark.confirmBytesAbove: expected a whole number of bytes, 0 or more, got -1"),
        bad.errors());
  }

  @Test
  void theSectionItselfAndDottedKeysAreAccepted() {
    assertEquals("dev", Settings.parse(Map.of("target", "dev"), BASE).target());
    Settings dotted =
        Settings.parse(
            Map.of("dbtls.target", "ci", "dbtls.diagnostics.severity", Map.of("dag-cycle", "info")),
            BASE);
    assertEquals("ci", dotted.target());
    assertEquals(Map.of("dag-cycle", "info"), dotted.severities());
    assertEquals(List.of(), dotted.errors());
  }

  @Test
  void varsMayBeWrittenAsOnTheCommandLine() {
    Settings s = Settings.parse(Map.of("vars", "{days: 3, region: eu}"), BASE);
    assertEquals(Map.of("days", 3L, "region", "eu"), s.vars());
    Settings bad = Settings.parse(Map.of("vars", "[1, 2]"), BASE);
    assertEquals(Map.of(), bad.vars());
    assertTrue(
        bad.errors().get(0).startsWith("dbtls.vars: expected a mapping"), bad.errors().toString());
  }

  @Test
  void oneBadValueNeverBreaksTheRest() {
    Map<String, Object> severity = new java.util.LinkedHashMap<>();
    severity.put("ref-unknown", "fatal");
    severity.put("no-such-code", "off");
    severity.put("dag-cycle", "warning");
    Settings s =
        Settings.parse(
            Map.of(
                "target",
                3L,
                "profile",
                "shop",
                "builtinMacroDirs",
                List.of("ok", 7L),
                "diagnostics",
                Map.of("severity", severity),
                "rebuildDelayMs",
                -5L,
                "history.maxEntries",
                0L,
                "colour",
                "blue"),
            BASE);
    assertNull(s.target());
    assertEquals("shop", s.profile());
    assertEquals(List.of(Path.of("/work/ws/ok")), s.builtinMacroDirs());
    assertEquals(Map.of("dag-cycle", "warning"), s.severities());
    assertEquals(Settings.DEFAULT_REBUILD_DELAY_MILLIS, s.rebuildDelayMillis());
    assertEquals(
        java.util.Set.of(
            "dbtls.target: expected a string, got 3",
            "dbtls.builtinMacroDirs: expected a folder path in the list, got 7",
            "dbtls.diagnostics.severity.ref-unknown: expected error, warning, info or off, got 'fatal'",
            "dbtls.diagnostics.severity.no-such-code: unknown problem code (see docs/diagnostics.md)",
            "dbtls.rebuildDelayMs: expected a number of milliseconds from 0 to 60000, got -5",
            "dbtls.history.maxEntries: expected a whole number from 1 to 10000000, got 0",
            "dbtls.colour: unknown setting"),
        java.util.Set.copyOf(s.errors()));
  }

  @Test
  void theVsCodeClientsOwnSettingsAreIgnoredWithoutAWarning() {
    // what VS Code sends for the section: every contributed setting, unset ones as null
    Map<String, Object> section = new java.util.HashMap<>();
    section.put("java", Map.of("home", "/opt/jdk-21"));
    section.put("server", Map.of("vmargs", "-Xss4m", "maxHeap", "3g"));
    section.put("trace", Map.of("server", "off"));
    section.put("target", "ci");
    section.put("profile", null);
    Settings s = Settings.parse(Map.of("dbtls", section), BASE);
    assertEquals("ci", s.target());
    assertEquals(List.of(), s.errors());
  }

  @Test
  void nothingOrGarbageIsTheDefaults() {
    assertEquals(Settings.defaults(), Settings.parse(null, BASE));
    assertEquals(Settings.defaults(), Settings.parse("dbtls", BASE));
    assertEquals(Settings.defaults(), Settings.parse(Map.of("dbtls", Map.of()), BASE));
  }

  @Test
  void severitiesChangeOrHideProblems() {
    Settings s =
        Settings.parse(
            Map.of(
                "diagnostics",
                Map.of("severity", Map.of("ref-unknown", "warning", "doc-unknown", "off"))),
            BASE);
    Problem ref = Problem.at("models/a.sql", 0, 0, ProblemCode.REF_UNKNOWN, "no model x");
    Problem doc = Problem.at("models/a.yml", 0, 0, ProblemCode.DOC_UNKNOWN, "no doc y");
    Problem cycle = Problem.at("models/a.sql", 0, 0, ProblemCode.DAG_CYCLE, "cycle");
    assertEquals(
        List.of(ref.withSeverity(Severity.WARNING), cycle), s.adjust(List.of(ref, doc, cycle)));
  }

  @Test
  void strictMakesDeprecationsErrorsUnlessASeverityNamesTheirCode() {
    Problem paths =
        Problem.at("dbt_project.yml", 2, 0, ProblemCode.PROJECT_CONFIG_SOURCE_PATHS, "renamed");
    Problem keys =
        Problem.at("models/a.yml", 3, 0, ProblemCode.DUPLICATE_YAML_KEYS_DEPRECATION, "twice");
    Problem doc = Problem.at("models/a.yml", 0, 0, ProblemCode.DOC_UNKNOWN, "no doc y");
    assertEquals(Severity.WARNING, paths.severity());
    assertEquals(List.of(paths, keys, doc), Settings.defaults().adjust(List.of(paths, keys, doc)));
    Settings strict =
        Settings.parse(
            Map.of(
                "dbtls.strict",
                true,
                "dbtls.diagnostics.severity",
                Map.of("duplicate-yaml-keys-deprecation", "info")),
            BASE);
    assertEquals(List.of(), strict.errors());
    assertTrue(strict.strict());
    assertEquals(
        List.of(paths.withSeverity(Severity.ERROR), keys.withSeverity(Severity.INFO), doc),
        strict.adjust(List.of(paths, keys, doc)));
    assertEquals(
        List.of("dbtls.strict: expected true or false, got 'yes'"),
        Settings.parse(Map.of("dbtls.strict", "yes"), BASE).errors());
  }

  @Test
  void theExecutorAndTheUsersDbt() {
    Settings s =
        Settings.parse(
            Map.of(
                "dbtls",
                Map.of("run", Map.of("executor", "dbt"), "dbt", Map.of("path", "tools/dbt"))),
            BASE);
    assertEquals(dev.dbtls.run.dbt.Executor.DBT, s.executor());
    assertEquals(BASE.resolve("tools/dbt"), s.dbtPath());
    assertEquals(List.of(), s.errors());
    Settings bad = Settings.parse(Map.of("dbtls.run.executor", "python"), BASE);
    assertEquals(dev.dbtls.run.dbt.Executor.AUTO, bad.executor());
    assertEquals(1, bad.errors().size());
    assertTrue(
        bad.errors().get(0).startsWith("dbtls.run.executor: expected auto, dbt or native"),
        bad.errors().toString());
  }

  @Test
  void theDbtVersionToEmulate() {
    Settings s = Settings.parse(Map.of("dbtls.dbtVersion", "1.6"), BASE);
    assertEquals("1.6", s.dbtVersion());
    assertEquals("1.6", s.options(Map.of()).dbtVersion());
    assertEquals(List.of(), s.errors());
    assertTrue(!s.sameProjectOptions(Settings.defaults()), "a new version reloads the projects");
    Settings bad = Settings.parse(Map.of("dbtls.dbtVersion", "latest"), BASE);
    assertEquals(null, bad.dbtVersion());
    assertEquals(
        List.of("dbtls.dbtVersion: not a dbt version (like 1.12 or 1.6.3): latest"), bad.errors());
  }
}
