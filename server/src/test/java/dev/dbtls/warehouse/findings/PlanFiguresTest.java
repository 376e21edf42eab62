package dev.dbtls.warehouse.findings;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PlanFiguresTest {
  @Test
  void percentsAndCounts() {
    assertEquals("0.001%", PlanFigures.percent(0.00001));
    assertEquals("4.5%", PlanFigures.percent(0.045));
    assertEquals("1,000,000", PlanFigures.count(1e6));
  }
}
