package dev.dbtls.index.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dbtls.jinja.DbtJinja;
import dev.dbtls.jinja.JinjaSetup;
import dev.dbtls.jinja.RenderRequest;
import dev.dbtls.project.Adapter;
import dev.dbtls.project.FileSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BuiltinMacrosOverrideTest {
  private static String render(List<Path> dirs, Map<String, String> env, String template) {
    var macros = BuiltinMacros.load("duckdb", dirs, env, FileSource.DISK);
    DbtJinja jinja =
        new DbtJinja(new JinjaSetup(Adapter.of("duckdb"), "p", macros, Map.of(), null));
    return jinja.render(new RenderRequest("m.sql", template, "p", Map.of())).output();
  }

  @Test
  void oursByDefault() {
    String out =
        render(List.of(), Map.of("HOME", "/nonexistent"), "{{ dbt.dateadd('day', 1, 'x') }}");
    assertEquals(false, out.isBlank(), out);
  }

  @Test
  void builtinMacrosDirOverridesOurs(@TempDir Path dir) throws IOException {
    Files.writeString(
        dir.resolve("dateadd.sql"),
        "{% macro duckdb__dateadd(datepart, interval, from_date_or_timestamp) %}mine({{ interval }}){% endmacro %}");
    assertEquals(
        "mine(1)",
        render(List.of(dir), Map.of("HOME", "/nonexistent"), "{{ dbt.dateadd('day', 1, 'x') }}"));
  }

  @Test
  void aDbtInstallationInSitePackagesIsFoundAndUsed(@TempDir Path venv) throws IOException {
    Path include = venv.resolve("lib/python3.11/site-packages/dbt/include");
    Files.createDirectories(include.resolve("global_project/macros"));
    Files.createDirectories(include.resolve("duckdb/macros"));
    Files.writeString(
        include.resolve("global_project/macros/hash.sql"),
        "{% macro default__hash(field) %}core_hash({{ field }}){% endmacro %}");
    Files.writeString(
        include.resolve("duckdb/macros/hash.sql"),
        "{% macro duckdb__hash(field) %}duck_hash({{ field }}){% endmacro %}");
    Map<String, String> env = Map.of("VIRTUAL_ENV", venv.toString(), "HOME", "/nonexistent");
    assertEquals(
        List.of(include.resolve("global_project/macros"), include.resolve("duckdb/macros")),
        BuiltinMacros.discoverDbtInstallation("duckdb", env));
    assertEquals("duck_hash(a)", render(List.of(), env, "{{ dbt.hash('a') }}"));
  }
}
