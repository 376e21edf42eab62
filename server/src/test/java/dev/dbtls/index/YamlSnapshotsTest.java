package dev.dbtls.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbtls.index.compile.CompiledNode;
import dev.dbtls.index.compile.NodeCompiler;
import dev.dbtls.index.compile.ProjectSnapshot;
import dev.dbtls.project.ProblemCode;
import dev.dbtls.testing.Fixture;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Snapshots defined in YAML (dbt 1.9): a {@code snapshots:} entry with {@code relation:} is a
 * snapshot node that {@code ref} reaches and that compiles to {@code select * from <relation>}; its
 * entry is no "described here but no such snapshot".
 */
class YamlSnapshotsTest {
  private static final ProjectSnapshot S =
      Fixture.of(
              """
      -- file: dbt_project.yml
      name: shop
      profile: shop
      snapshots:
        shop:
          +target_schema: history
      -- file: models/orders.sql
      select 1 as id
      -- file: models/orders_history.sql
      select * from {{ ref('orders_snapshot') }}
      -- file: snapshots/snapshots.yml
      snapshots:
        - name: orders_snapshot
          relation: ref('orders')
          description: Orders over time
          config:
            unique_key: id
            strategy: check
            check_cols: all
        - name: src_snapshot
          relation: source('raw', 'customers')
          config: {unique_key: id, strategy: timestamp, updated_at: updated_at}
      -- file: models/sources.yml
      sources:
        - name: raw
          tables:
            - name: customers
      """)
          .snapshot();

  @Test
  void aYamlSnapshotIsASnapshotNode() {
    Manifest m = S.manifest();
    Node s = m.nodes().get("snapshot.shop.orders_snapshot");
    assertEquals(ResourceType.SNAPSHOT, s.type(), m.nodes().keySet().toString());
    assertEquals(List.of("shop", "orders_snapshot"), s.fqn());
    assertEquals("snapshots/snapshots.yml", s.originalFilePath());
    assertEquals("id", s.config().get("unique_key"));
    assertEquals("check", s.config().get("strategy"));
    assertEquals("history", s.relation().schema());
    assertEquals("Orders over time", s.description());
    assertEquals(List.of("model.shop.orders"), s.dependsOn());
    assertEquals(
        List.of("source.shop.raw.customers"),
        m.nodes().get("snapshot.shop.src_snapshot").dependsOn());
  }

  @Test
  void refReachesItAndItsEntryIsNotUnknown() {
    Manifest m = S.manifest();
    assertEquals(
        List.of("snapshot.shop.orders_snapshot"),
        m.nodes().get("model.shop.orders_history").dependsOn());
    assertTrue(
        m.problems().stream()
            .noneMatch(
                p ->
                    p.code() == ProblemCode.REF_UNKNOWN
                        || p.code() == ProblemCode.PROPERTY_UNKNOWN_NODE),
        m.problems().toString());
  }

  @Test
  void itCompilesToSelectStarFromItsRelation() {
    NodeCompiler c = new NodeCompiler(S);
    CompiledNode s = c.compile(S.manifest().nodes().get("snapshot.shop.orders_snapshot"));
    assertEquals("select * from \"shop\".\"main\".\"orders\"", s.sql());
    assertTrue(s.problems().isEmpty(), s.problems().toString());
    CompiledNode model = c.compile(S.manifest().nodes().get("model.shop.orders_history"));
    assertEquals("select * from \"shop\".\"history\".\"orders_snapshot\"", model.sql().strip());
  }
}
