package dev.dbtls.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DagTest {
  private static final Dag DAG =
      new Dag(
          Map.of(
              "a", List.of(),
              "b", List.of("a"),
              "c", List.of("b", "a", "missing"),
              "d", List.of("e"),
              "e", List.of("d"),
              "f", List.of("f")));

  @Test
  void walksBothWaysWithDepth() {
    assertEquals(Set.of("a", "b"), DAG.ancestors("c", -1));
    assertEquals(Set.of("b", "a"), DAG.ancestors("c", 1));
    assertEquals(Set.of("b", "c"), DAG.descendants("a", -1));
    assertEquals(List.of("c"), DAG.childrenOf("b"));
  }

  @Test
  void idsWhoseHashesCollideAndUnknownIdsAreToldApart() {
    // "Aa" and "BB" hash alike; a chain of 5,000 ids fills the table's neighbourhoods
    Map<String, List<String>> parents = new HashMap<>();
    parents.put("Aa", List.of());
    parents.put("BB", List.of("Aa"));
    parents.put("AaBB", List.of("BB"));
    parents.put("BBAa", List.of("AaBB", "AaAa"));
    for (int i = 0; i < 5_000; i++) {
      parents.put("m" + i, i == 0 ? List.of("BBAa") : List.of("m" + (i - 1)));
    }
    Dag dag = new Dag(parents);
    assertEquals(List.of("BB"), dag.childrenOf("Aa"));
    assertEquals(List.of("AaBB"), dag.childrenOf("BB"));
    assertEquals(List.of("BBAa"), dag.childrenOf("AaBB"), "the unknown parent AaAa is left out");
    assertEquals(List.of(), dag.childrenOf("AaAa"));
    assertEquals(List.of(), dag.childrenOf(null));
    assertEquals(5_003, dag.ancestors("m4999", -1).size());
    assertEquals(Set.of("m4999"), dag.descendants("m4998", -1));
  }

  @Test
  void cyclesAndSelfLoops() {
    assertEquals(List.of(List.of("d", "e"), List.of("f")), DAG.cycles());
  }

  @Test
  void topologicalOrderPutsParentsFirst() {
    List<String> order = DAG.topologicalOrder();
    assertTrue(
        order.indexOf("a") < order.indexOf("b") && order.indexOf("b") < order.indexOf("c"),
        order.toString());
    assertEquals(6, order.size());
  }

  @Test
  void aLongChainDoesNotOverflowTheStack() {
    Map<String, List<String>> parents = new HashMap<>();
    int n = 200_000;
    for (int i = 0; i < n; i++) {
      parents.put(
          String.format("m%06d", i),
          i == 0 ? List.of(String.format("m%06d", n - 1)) : List.of(String.format("m%06d", i - 1)));
    }
    List<List<String>> cycles = new Dag(parents).cycles();
    assertEquals(1, cycles.size());
    assertEquals(n, cycles.get(0).size());
  }
}
