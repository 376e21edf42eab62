package dev.dbtls.index.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.dbtls.testing.Fixture;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Where dbt versions differ observably, a model compiles as the emulated dbt compiles it: {@code
 * dbt_version}, and before 1.7 the upper-case type labels of dbt's base {@code api.Column}.
 */
class EmulatedDbtVersionTest {
  private static final String MODEL =
      """
      -- file: models/typed.sql
      select cast(1 as {{ dbt.type_int() }}) as i, cast(1 as {{ dbt.type_float() }}) as f,
        cast(null as {{ dbt.type_timestamp() }}) as t, cast('a' as {{ dbt.type_string() }}) as s,
        cast(1 as {{ dbt.type_bigint() }}) as b, '{{ dbt_version }}' as v
      """;

  private static String compile(String spec, String version) {
    Fixture f = Fixture.of(spec);
    ProjectSnapshot s =
        ProjectSnapshot.load(
            Fixture.ROOT,
            Fixture.options(null, Map.of(), Map.of()).withDbtVersion(version),
            List.of(),
            f,
            false);
    CompiledNode c = new NodeCompiler(s).compile(s.manifest().nodes().get("model.shop.typed"));
    assertFalse(c.failed(), c.problems().toString());
    return c.sql().strip();
  }

  @Test
  void dbt112PrintsLowerCaseTypes() {
    assertEquals(
        """
        select cast(1 as integer) as i, cast(1 as float) as f,
          cast(null as timestamp) as t, cast('a' as TEXT) as s,
          cast(1 as bigint) as b, '1.12.0' as v""",
        compile(MODEL, null));
  }

  @Test
  void before17TheTypeLabelsWereIntFloatTimestamp() {
    assertEquals(
        """
        select cast(1 as INT) as i, cast(1 as FLOAT) as f,
          cast(null as TIMESTAMP) as t, cast('a' as TEXT) as s,
          cast(1 as bigint) as b, '1.6.0' as v""",
        compile(MODEL, "1.6"));
    assertEquals(compile(MODEL, "1.7").replace("1.7.0", "1.12.0"), compile(MODEL, null));
  }

  @Test
  void requireDbtVersionPicksTheBehaviour() {
    String pinned =
        compile(
            MODEL
                + """
            -- file: dbt_project.yml
            name: shop
            profile: shop
            require-dbt-version: ">=1.4.0,<1.7.0"
            """,
            null);
    assertEquals(compile(MODEL, "1.6"), pinned);
  }
}
