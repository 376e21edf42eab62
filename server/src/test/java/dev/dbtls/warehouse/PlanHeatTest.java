package dev.dbtls.warehouse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.dbtls.warehouse.PlanHeat.Basis;
import dev.dbtls.warehouse.PlanHeat.Heat;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The shares, heat and misestimates the clients draw (their view tests draw them). */
class PlanHeatTest {
  private static final Heat N = Heat.NONE;
  private static final Heat W = Heat.WARM;
  private static final Heat H = Heat.HIGH;

  static PlanNode node(
      String id,
      String op,
      Double cost,
      Double timeShare,
      Double selfMs,
      Double actual,
      Double estimated,
      PlanNode... children) {
    return new PlanNode(
        op,
        null,
        null,
        null,
        estimated,
        cost,
        actual,
        null,
        null,
        null,
        List.of(children),
        id,
        null,
        null,
        null,
        null,
        null,
        selfMs,
        timeShare,
        Map.of());
  }

  // an analyzed DuckDB-like plan: the server's timeShare on each step
  static final PlanNode ANALYZED =
      node(
          "0",
          "PROJECTION",
          null,
          0.02,
          2.0,
          73.0,
          73.0,
          node(
              "0.0",
              "HASH_JOIN",
              null,
              0.55,
              55.0,
              7300.0,
              2.0,
              node("0.0.0", "SEQ_SCAN", null, 0.3, 30.0, 0.0, 5000.0),
              node("0.0.1", "SEQ_SCAN", null, 0.13, 13.0, 100.0, 90.0)));

  /** The steps depth first, as the clients list them. */
  static List<PlanNode> walk(PlanNode root) {
    List<PlanNode> out = new ArrayList<>();
    collect(root, out);
    return out;
  }

  private static void collect(PlanNode n, List<PlanNode> out) {
    out.add(n);
    n.children().forEach(c -> collect(c, out));
  }

  private static List<Double> shares(PlanNode root, boolean analyzed) {
    PlanHeat h = PlanHeat.of(root, analyzed);
    return walk(root).stream().map(h::share).toList();
  }

  @Test
  void hotStepsAnyAt20PercentRedFrom40SmallStepsNeverHot() {
    PlanHeat h = PlanHeat.of(ANALYZED, true);
    assertEquals(Basis.TIME, h.basis());
    assertEquals(Arrays.asList(0.02, 0.55, 0.3, 0.13), shares(ANALYZED, true));
    assertEquals(List.of(N, H, W, N), walk(ANALYZED).stream().map(h::heat).toList());
    // the top steps making most of the time are hot even under 20 % each, but not crumbs
    assertEquals(
        List.of(W, W, W, W, N, N, N, N),
        List.of(PlanHeat.heat(new Double[] {0.15, 0.15, 0.15, 0.15, 0.1, 0.1, 0.1, 0.1})));
    Double[] crumbs = new Double[30];
    Arrays.fill(crumbs, 1 / 30.0);
    assertEquals(java.util.Collections.nCopies(30, N), List.of(PlanHeat.heat(crumbs)));
    assertEquals(List.of(N, N, H), List.of(PlanHeat.heat(new Double[] {null, 0.0, 1.0})));
    // the hottest step is red from 20 %, the others orange under 40 %
    assertEquals(List.of(W, H, W, N), List.of(PlanHeat.heat(new Double[] {0.22, 0.27, 0.2, 0.05})));
  }

  @Test
  void misestimatesAt10xEitherWayOn100RowsOrMoreZeroRowsCountAsOne() {
    List<Double> m = walk(ANALYZED).stream().map(PlanHeat::misestimate).toList();
    assertNull(m.get(0));
    assertEquals(3650, Math.round(m.get(1)));
    assertEquals(5000.0, m.get(2));
    assertNull(m.get(3));
    assertNull(PlanHeat.misestimate(node("0", "X", null, null, null, null, 10.0)));
    assertEquals(10.0, PlanHeat.misestimate(node("0", "X", null, null, null, 100.0, 10.0)));
    assertNull(PlanHeat.misestimate(node("0", "X", null, null, null, 99.0, 10.0)));
    // small numbers are no news: DuckDB's CTE step puts out 0 of 73 expected rows
    assertNull(PlanHeat.misestimate(node("0", "X", null, null, null, 0.0, 73.0)));
    assertEquals(100.0, PlanHeat.misestimate(node("0", "X", null, null, null, 0.0, 100.0)));
  }

  @Test
  void analyzedWithoutTimeShareSharesOfTheSelfTimes() {
    PlanNode plain =
        node(
            "0",
            "X",
            null,
            null,
            30.0,
            null,
            null,
            node("0.0", "X", null, null, 10.0, null, null),
            node("0.1", "X", null, null, null, null, null));
    assertEquals(Basis.TIME, PlanHeat.of(plain, true).basis());
    assertEquals(Arrays.asList(0.75, 0.25, null), shares(plain, true));
  }

  @Test
  void estimateOnlySharesOfTheCostOfEachStepAlone() {
    PlanNode pg =
        node(
            "0",
            "Hash Join",
            100.0,
            null,
            null,
            null,
            null,
            node("0.0", "Seq Scan", 60.0, null, null, null, null),
            node(
                "0.1",
                "Hash",
                30.0,
                null,
                null,
                null,
                null,
                node("0.1.0", "Seq Scan", 25.0, null, null, null, null)));
    assertEquals(Basis.COST, PlanHeat.of(pg, false).basis());
    assertEquals(
        List.of(10L, 60L, 5L, 25L),
        shares(pg, false).stream().map(s -> Math.round(s * 100)).toList());
    // timings are ignored when not analyzed
    assertEquals(Basis.NONE, PlanHeat.of(ANALYZED, false).basis());
    // costs that are not cumulative (a child above its parent) are each step's own
    PlanNode flat =
        node(
            "0", "X", 10.0, null, null, null, null, node("0.0", "X", 30.0, null, null, null, null));
    assertEquals(List.of(0.25, 0.75), shares(flat, false));
    // no cost at all: nothing to share, nothing hot
    PlanNode duck =
        node("0", "X", null, null, null, null, 5.0, node("0.0", "X", null, null, null, null, 9.0));
    PlanHeat none = PlanHeat.of(duck, false);
    assertEquals(Basis.NONE, none.basis());
    assertEquals(Arrays.asList(null, null), shares(duck, false));
    assertEquals(List.of(N, N), walk(duck).stream().map(none::heat).toList());
    assertEquals(Basis.NONE, PlanHeat.of(null, true).basis());
  }
}
