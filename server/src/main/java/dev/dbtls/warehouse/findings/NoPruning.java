package dev.dbtls.warehouse.findings;

import static dev.dbtls.warehouse.findings.PlanFigures.count;

import dev.dbtls.warehouse.Finding;
import dev.dbtls.warehouse.PlanNode;
import java.util.List;

/**
 * {@code no-pruning}: a filtered Snowflake scan that is still assigned (nearly) every
 * micro-partition of a table that has many: the filter does not let Snowflake skip any, so the
 * whole table is read. Judged at the filter, reported on the scan.
 */
final class NoPruning implements PlanRule {
  static final String KIND = "no-pruning";

  /** Fewer partitions than this are read whole anyway. */
  static final double MIN_PARTITIONS = 16;

  /** Assigned over total at or above this is no pruning to speak of. */
  static final double MIN_SHARE = 0.8;

  @Override
  public Finding at(PlanNode n, PlanScope scope) {
    if (!scope.dialect().equals("snowflake")
        || !n.operator().equals("Filter")
        || n.children().size() != 1) {
      return null;
    }
    PlanNode scan = n.children().get(0);
    double total = PlanFigures.number(scan.property("partitionsTotal"));
    double assigned = PlanFigures.number(scan.property("partitionsAssigned"));
    if (!scan.operator().equals("TableScan")
        || Double.isNaN(total)
        || Double.isNaN(assigned)
        || total < MIN_PARTITIONS
        || assigned / total < MIN_SHARE) {
      return null;
    }
    String table = scan.relation() == null ? "the table" : scan.relation();
    return new Finding(
        KIND,
        scan.id(),
        "Filter on "
            + table
            + " prunes nothing: "
            + count(assigned)
            + " of "
            + count(total)
            + " partitions read",
        List.of(
            "TableScan of "
                + table
                + " is assigned "
                + count(assigned)
                + " of "
                + count(total)
                + " micro-partitions",
            "filter above it: " + (n.filter() == null ? "(not shown)" : n.filter())),
        assigned == total ? Finding.HIGH : Finding.MEDIUM,
        "a filter on the column the table is clustered by (or ordered by as it loads) lets"
            + " Snowflake skip partitions; a clustering key on the filtered column is the other"
            + " way, at a cost",
        null);
  }
}
