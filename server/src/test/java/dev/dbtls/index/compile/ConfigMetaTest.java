package dev.dbtls.index.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbtls.index.Node;
import dev.dbtls.project.Problem;
import dev.dbtls.project.ProblemCode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code config.meta_get(key, default)} and {@code config.meta_require(key)} (dbt 1.10): the node's
 * merged {@code meta} config (project, property YAML, the file's own config call).
 */
class ConfigMetaTest {
  private static final String PROJECT =
      """
      -- file: dbt_project.yml
      name: shop
      profile: shop
      models:
        shop:
          +meta:
            owner: data-team
      -- file: models/schema.yml
      models:
        - name: orders
          config:
            meta:
              tier: 1
      -- file: models/orders.sql
      {{ config(meta={'pii': false}) }}
      select '{{ config.meta_get('owner') }}' as owner, {{ config.meta_get('tier', 3) }} as tier,
        {{ config.meta_get('pii') }} as pii, '{{ config.meta_get('sla', 'daily') }}' as sla,
        {{ config.meta_get('nothing') is none }} as missing, {{ config.meta_require('tier') }} as t
      -- file: models/strict.sql
      select {{ config.meta_require('tier') }} as t
      -- file: models/changes.sql
      {% do config.set('tier', 9) %}{% do model.config.update({'k': 1}) %}{% do model.meta.update({'z': 2}) %}
      select '{{ model.config.k }}' as k, '{{ model.meta.z }}' as z, '{{ config.get('k', 0) }}' as c
      -- file: models/sibling.sql
      select 1 as one
      """;

  private static CompiledNode compile(String model) {
    ProjectSnapshot s = YamlJinjaConfigTest.load(PROJECT, null, Map.of());
    Node n = s.manifest().nodes().get("model.shop." + model);
    return new NodeCompiler(s).compile(n);
  }

  @Test
  void metaGetReadsTheMergedMeta() {
    CompiledNode c = compile("orders");
    assertEquals(List.of(), c.problems().stream().filter(Problem::isError).toList());
    assertEquals(
        "select 'data-team' as owner, 1 as tier,\n  False as pii, 'daily' as sla,\n"
            + "  True as missing, 1 as t",
        c.sql().trim());
  }

  @Test
  void aTemplateChangesItsOwnCopyOfTheNodesConfigNotTheConfigNodesShare() {
    ProjectSnapshot s = YamlJinjaConfigTest.load(PROJECT, null, Map.of());
    Node changes = s.manifest().nodes().get("model.shop.changes");
    Node sibling = s.manifest().nodes().get("model.shop.sibling");
    CompiledNode c = new NodeCompiler(s).compile(changes);
    assertEquals(List.of(), c.problems().stream().filter(Problem::isError).toList());
    assertEquals("select '1' as k, '2' as z, '0' as c", c.sql().trim());
    for (Node n : List.of(changes, sibling)) {
      Map<String, Object> config = s.manifest().nodes().get(n.uniqueId()).config();
      assertEquals(null, config.get("k"), n.uniqueId());
      assertEquals(Map.of("owner", "data-team"), config.get("meta"), n.uniqueId());
    }
  }

  @Test
  void metaRequireOfAMissingKeyIsAnError() {
    CompiledNode c = compile("strict");
    assertTrue(c.failed());
    assertTrue(
        c.problems().stream()
            .anyMatch(
                p -> p.code() == ProblemCode.COMPILER_ERROR && p.message().contains("'tier'")),
        c.problems()::toString);
  }
}
