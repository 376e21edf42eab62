package dev.dbtls.index.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dbtls.index.Dag;
import dev.dbtls.index.Manifest;
import dev.dbtls.index.ManifestBuilder;
import dev.dbtls.index.Node;
import dev.dbtls.index.RelationName;
import dev.dbtls.testing.Fixture;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The project's own generate_*_name macros name each node as dbt would, and an answer is reused for
 * another node only when the call read nothing of the node.
 */
class JinjaRelationNamerTest {
  private static final String PROJECT =
      """
      -- file: dbt_project.yml
      name: shop
      profile: shop
      -- file: models/a.sql
      {{ config(schema='marts', tag_word='x') }} select 1 as id
      -- file: models/b.sql
      {{ config(schema='marts', tag_word='y') }} select 1 as id
      -- file: models/c.sql
      select 1 as id
      """;

  private static final String TARGET_ONLY =
      """
      -- file: macros/naming.sql
      {% macro generate_schema_name(custom_schema_name, node) -%}
        {%- if custom_schema_name is none -%}{{ target.schema }}
        {%- else -%}{{ target.schema }}_{{ custom_schema_name | trim }}{%- endif -%}
      {%- endmacro %}
      """;

  @Test
  void aCallThatReadsOnlyTheCustomNameAndTargetIsMadeOncePerCustomName() {
    Named n = named(PROJECT + TARGET_ONLY);
    assertEquals(List.of("main_marts", "main_marts", "main"), n.schemas());
    assertEquals(2, n.calls(), "a and b share the answer for 'marts'");
  }

  @Test
  void aCallThatReadsTheNodeArgumentIsMadeForEveryNode() {
    Named n =
        named(
            PROJECT
                + """
                -- file: macros/naming.sql
                {% macro generate_schema_name(custom_schema_name, node) -%}
                  {{ target.schema }}_{{ node.name }}
                {%- endmacro %}
                """);
    assertEquals(List.of("main_a", "main_b", "main_c"), n.schemas());
    assertEquals(3, n.calls());
  }

  @Test
  void theNodeArgumentUnderAnotherNameCountsToo() {
    Named n =
        named(
            PROJECT
                + """
                -- file: macros/naming.sql
                {% macro generate_schema_name(custom, current) -%}
                  {{ custom }}_{{ current.name }}
                {%- endmacro %}
                """);
    assertEquals(List.of("marts_a", "marts_b", "None_c"), n.schemas());
    assertEquals(3, n.calls());
  }

  @Test
  void aHelperMacroReadingTheModelGlobalOrConfigIsFollowed() {
    Named model =
        named(
            PROJECT
                + """
                -- file: macros/naming.sql
                {% macro generate_schema_name(custom_schema_name, node) -%}
                  {{ suffix() }}
                {%- endmacro %}
                {% macro suffix() %}s_{{ model.name }}{% endmacro %}
                """);
    assertEquals(List.of("s_a", "s_b", "s_c"), model.schemas());
    Named config =
        named(
            PROJECT
                + """
                -- file: macros/naming.sql
                {% macro generate_schema_name(custom_schema_name, node) -%}
                  {{ custom_schema_name }}_{{ config.get('tag_word', 'none') }}
                {%- endmacro %}
                """);
    assertEquals(3, config.calls(), "config is the node's: asked for every node");
  }

  @Test
  void aBranchThatReadsTheNodeForOneCustomNameKeepsTheOthersShared() {
    Named n =
        named(
            PROJECT
                + """
                -- file: models/d.sql
                {{ config(schema='marts') }} select 1 as id
                -- file: macros/naming.sql
                {% macro generate_schema_name(custom_schema_name, node) -%}
                  {%- if custom_schema_name is none -%}{{ node.name }}
                  {%- else -%}{{ custom_schema_name }}{%- endif -%}
                {%- endmacro %}
                """);
    assertEquals(List.of("marts", "marts", "c", "marts"), n.schemas());
    assertEquals(2, n.calls(), "a (then b and d) for 'marts', c for none");
  }

  /** The schemas the snapshot gave its models (in name order) and the namer's own calls. */
  private record Named(List<String> schemas, int calls) {}

  private static Named named(String spec) {
    ProjectSnapshot s = Fixture.of(spec + YamlJinjaConfigTest.PROFILES).snapshot();
    List<Node> models =
        s.manifest().nodes().values().stream()
            .filter(x -> x.uniqueId().startsWith("model."))
            .sorted(java.util.Comparator.comparing(Node::name))
            .toList();
    Manifest empty =
        new Manifest(
            s.inputs(), Map.of(), Map.of(), Map.of(), Map.of(), new Dag(Map.of()), List.of());
    ManifestBuilder.RelationNamer namer = JinjaRelationNamer.forProject(s::jinja, empty, Map.of());
    List<String> again =
        models.stream()
            .map(m -> namer.name(m, new RelationName("db", "main", m.name())).schema())
            .toList();
    List<String> schemas = models.stream().map(m -> m.relation().schema()).toList();
    assertEquals(schemas, again, "the namer answers as the load did");
    return new Named(schemas, ((JinjaRelationNamer) namer).calls());
  }
}
