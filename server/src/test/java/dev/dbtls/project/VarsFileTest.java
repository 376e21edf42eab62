package dev.dbtls.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbtls.testing.Fixture;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * dbt 1.12's vars.yml beside dbt_project.yml: a {@code vars:} mapping read before dbt_project.yml,
 * so dbt_project.yml's own Jinja may call {@code var()} of it; {@code --vars} wins over it, it wins
 * over every dbt_project.yml; defining vars in both files is dbt's error.
 */
class VarsFileTest {
  private static final String PROJECT =
      """
      -- file: dbt_project.yml
      name: shop
      profile: shop
      model-paths: ["{{ var('models_folder') }}"]
      -- file: vars.yml
      vars:
        models_folder: transform
        start_date: '2020-01-01'
        shop:
          region: eu
        utils:
          region: us
      -- file: transform/orders.sql
      select 1 as id
      -- file: dbt_packages/utils/dbt_project.yml
      name: utils
      vars:
        region: none
        size: 3
      """;

  @Test
  void varsAreReadInDbtPrecedence() {
    ProjectInputs in = Fixture.of(PROJECT).load(Map.of("start_date", "2024-01-01"), Map.of());
    assertEquals(List.of(), in.problems());
    Vars v = in.vars();
    assertEquals("eu", v.lookup("shop", "region").orElseThrow().value());
    assertEquals("shop/vars.yml", v.lookup("shop", "region").orElseThrow().definedIn());
    assertEquals("us", v.lookup("utils", "region").orElseThrow().value(), "scoped in vars.yml");
    assertEquals(3L, v.lookup("utils", "size").orElseThrow().value(), "the package's own");
    assertEquals("2024-01-01", v.lookup("shop", "start_date").orElseThrow().value(), "--vars");
    assertEquals("transform", v.visible("shop").get("models_folder"));
    assertEquals("eu", v.visible("shop").get("region"));
  }

  @Test
  void dbtProjectYmlSeesVarsYmlSoItsPathsFollow() {
    ProjectInputs in = Fixture.of(PROJECT).load();
    assertEquals(List.of("transform"), in.root().modelPaths());
    assertTrue(
        in.files().stream().anyMatch(f -> f.relativePath().equals("transform/orders.sql")),
        in.files().toString());
    ProjectInputs overridden =
        Fixture.of(PROJECT + "-- file: models/x.sql\nselect 2\n")
            .load(Map.of("models_folder", "models"), Map.of());
    assertEquals(List.of("models"), overridden.root().modelPaths(), "--vars wins over vars.yml");
  }

  @Test
  void projectLevelConfigsRenderVarsFromVarsYml() {
    var s =
        Fixture.of(
                """
        -- file: dbt_project.yml
        name: shop
        profile: shop
        models:
          shop:
            +schema: "{{ var('schema_name') }}"
            +materialized: "{{ var('materialization') }}"
        -- file: vars.yml
        vars:
          schema_name: analytics
          materialization: table
        -- file: models/orders.sql
        select 1 as id
        """)
            .snapshot();
    var node = s.manifest().nodes().get("model.shop.orders");
    assertEquals("analytics", node.config().get("schema"));
    assertEquals("table", node.config().get("materialized"));
    assertTrue(
        s.manifest().problems().stream().noneMatch(p -> p.code() == ProblemCode.JINJA_RENDER),
        s.manifest().problems().toString());
  }

  @Test
  void varsInBothFilesAreDbtsErrorLocatedOnDbtProjectYmlVars() {
    ProjectInputs in =
        Fixture.of(
                """
        -- file: dbt_project.yml
        name: shop
        profile: shop
        vars:
          color: red
        -- file: vars.yml
        vars:
          color: blue
        """)
            .load();
    Problem p = in.problems().get(0);
    assertEquals(ProblemCode.VARS_DEFINED_TWICE, p.code());
    assertEquals(Severity.ERROR, p.severity());
    assertEquals("dbt_project.yml", p.file());
    assertEquals(2, p.line(), "0-based: the vars key");
    assertEquals("blue", in.vars().lookup("shop", "color").orElseThrow().value());
  }

  @Test
  void anEmptyVarsYmlOrOneWithoutVarsLeavesDbtProjectYmlsVars() {
    for (String text : List.of("", "# nothing yet\n", "vars:\n", "other: 1\n")) {
      ProjectInputs in =
          Fixture.of(
                  """
          -- file: dbt_project.yml
          name: shop
          profile: shop
          vars:
            color: red
          -- file: vars.yml
          """
                      + text)
              .load();
      assertEquals(List.of(), in.problems(), text);
      assertEquals("red", in.vars().lookup("shop", "color").orElseThrow().value(), text);
    }
  }

  @Test
  void badVarsYmlIsLocatedInVarsYml() {
    ProjectInputs notAMapping = Fixture.of("-- file: vars.yml\nvars:\n  - a\n  - b\n").load();
    Problem p = notAMapping.problems().get(0);
    assertEquals(ProblemCode.VARS_FILE_INVALID, p.code());
    assertEquals("vars.yml", p.file());
    assertEquals(0, p.line());
    ProjectInputs broken = Fixture.of("-- file: vars.yml\nvars:\n  a: [1, 2\n").load();
    Problem syntax = broken.problems().get(0);
    assertEquals("vars.yml", syntax.file());
    assertTrue(syntax.isError(), syntax.toString());
  }

  /**
   * dbt renders dbt_project.yml with vars.yml and --vars only: its own vars answer no var() there.
   * dbtls still uses them where there is no default, and says that dbt fails; a default applies as
   * in dbt.
   */
  @Test
  void dbtProjectYmlsOwnVarsAreNotInItsContext() {
    ProjectInputs in =
        Fixture.of(
                """
        -- file: dbt_project.yml
        name: shop
        profile: shop
        model-paths: ["{{ var('folder') }}"]
        analysis-paths: ["{{ var('folder', 'analyses') }}"]
        vars:
          folder: transform
        """)
            .load();
    assertEquals(List.of("transform"), in.root().modelPaths());
    assertEquals(List.of("analyses"), in.root().analysisPaths(), "the default, as in dbt");
    assertEquals(1, in.problems().size(), in.problems().toString());
    Problem p = in.problems().get(0);
    assertEquals(ProblemCode.JINJA_RENDER, p.code());
    assertEquals(2, p.line());
    assertEquals(18, p.column());
    assertTrue(p.message().contains("'folder'") && p.message().contains("vars.yml"), p.message());
  }

  @Test
  void editingVarsYmlNeedsAFullReload() {
    ProjectInputs in = Fixture.of(PROJECT).load();
    assertNull(in.withFile(Fixture.ROOT.resolve("vars.yml"), "vars:\n  x: 1\n"));
  }
}
