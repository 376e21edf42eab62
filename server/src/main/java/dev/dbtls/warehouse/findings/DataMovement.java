package dev.dbtls.warehouse.findings;

import static dev.dbtls.warehouse.findings.PlanFigures.count;
import static dev.dbtls.warehouse.findings.PlanFigures.rows;

import dev.dbtls.warehouse.Finding;
import dev.dbtls.warehouse.PlanNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code data-movement}: a join whose rows travel between the nodes of the warehouse before it can
 * run, which on a distributed warehouse is often most of the query's time. Redshift names it on the
 * join ({@code DS_BCAST_INNER}, {@code DS_DIST_BOTH}, …); tables distributed on the join key (or
 * small ones with {@code DISTSTYLE ALL}) join without it. Databricks (Spark) shows it as the
 * exchanges below a sort-merge or shuffled hash join: both sides hashed across the cluster.
 */
final class DataMovement implements PlanRule {
  static final String KIND = "data-movement";

  /** Redshift's words for moving rows, and what each moves (its documentation's meanings). */
  private static final Map<String, String> REDSHIFT =
      Map.of(
          "DS_BCAST_INNER", "copies the whole inner table to every node",
          "DS_DIST_BOTH", "redistributes both tables across the nodes",
          "DS_DIST_INNER", "redistributes the inner table across the nodes",
          "DS_DIST_OUTER", "redistributes the outer table across the nodes",
          "DS_DIST_ALL_INNER", "sends the whole inner table to a single slice");

  /** Build sides Trino may copy to every worker without it being worth a word. */
  static final double REPLICATED_ROWS = 1_000_000;

  @Override
  public Finding at(PlanNode n, PlanScope scope) {
    if (scope.dialect().equals("trino")) {
      return trino(n, scope);
    }
    if (scope.dialect().equals("databricks") || scope.dialect().equals("spark")) {
      return shuffled(n);
    }
    String distribution = n.property("Distribution");
    String how = distribution == null ? null : REDSHIFT.get(distribution);
    if (how == null || n.children().isEmpty()) {
      return null;
    }
    List<String> evidence = new ArrayList<>();
    evidence.add(n.operator() + " " + n.property("Distribution") + ": " + how);
    Double moved = null;
    for (PlanNode side : n.children()) {
      Double r = rows(side, scope.analyzed(), false, scope.dialect());
      String name = relationBelow(side, 0);
      if (r != null) {
        evidence.add((name == null ? side.operator() : name) + ": about " + count(r) + " rows");
        moved = moved == null ? r : Math.max(moved, r);
      }
    }
    boolean broadcast = n.property("Distribution").startsWith("DS_BCAST");
    return new Finding(
        KIND,
        n.id(),
        "Join moves rows between nodes: it " + how,
        evidence,
        moved != null && moved >= 1_000_000 ? Finding.HIGH : Finding.MEDIUM,
        broadcast
            ? "a broadcast is cheap when the inner table is small; DISTSTYLE ALL avoids it"
            : "distributing both tables on the join key (DISTKEY) lets the join run where the rows"
                + " are",
        null);
  }

  /**
   * Trino: a join whose build side (its second input) is copied to every worker ({@code
   * REPLICATED}, chosen from estimates) though it is large; a partitioned join would hash both
   * sides instead, and each worker would hold only its part.
   */
  private static Finding trino(PlanNode n, PlanScope scope) {
    if (!"REPLICATED".equals(n.property("Distribution")) || n.children().size() != 2) {
      return null;
    }
    PlanNode build = n.children().get(1);
    Double rows = rows(build, scope.analyzed(), false, scope.dialect());
    if (rows == null || rows < REPLICATED_ROWS) {
      return null;
    }
    String name = relationBelow(build, 0);
    return new Finding(
        KIND,
        n.id(),
        "Join copies its build side (" + count(rows) + " rows) to every worker",
        List.of(
            n.operator() + " with distribution REPLICATED",
            "build side" + (name == null ? "" : " (" + name + ")") + ": " + count(rows) + " rows",
            "each worker holds all of it in memory"),
        scope.analyzed() ? Finding.HIGH : Finding.MEDIUM,
        "join_distribution_type = 'PARTITIONED' (a session property) hashes both sides instead;"
            + " a filter on the build side may make it small enough",
        null);
  }

  /**
   * Databricks (Spark): a join that is not a broadcast, each of whose sides is shuffled (an {@code
   * Exchange hashpartitioning} below it, Photon's {@code PhotonShuffleExchange…} too): every row of
   * both tables crosses the network before the join.
   */
  private static Finding shuffled(PlanNode n) {
    String op = n.operator();
    if (!(op.contains("SortMergeJoin") || op.contains("ShuffledHashJoin"))
        || n.children().size() != 2) {
      return null;
    }
    List<String> evidence = new ArrayList<>();
    evidence.add(op + (n.joinType() == null ? "" : " " + n.joinType()));
    for (PlanNode side : n.children()) {
      PlanNode exchange = shuffleBelow(side, 0);
      if (exchange == null) {
        return null;
      }
      String name =
          relationBelow(exchange.children().isEmpty() ? exchange : exchange.children().get(0), 0);
      String how = exchange.property("Arguments");
      evidence.add(
          (name == null ? "a side" : name)
              + " shuffled"
              + (how == null ? "" : ": " + how.replaceFirst(",.*", "")));
    }
    return new Finding(
        KIND,
        n.id(),
        "Join shuffles both of its sides across the cluster",
        evidence,
        Finding.MEDIUM,
        "when one side is small, a /*+ BROADCAST(t) */ hint (or a higher"
            + " spark.sql.autoBroadcastJoinThreshold) sends it to every node instead; tables"
            + " clustered on the join key shuffle less",
        null);
  }

  /** The shuffle feeding a join's side: an exchange that is not a broadcast, under sorts. */
  private static PlanNode shuffleBelow(PlanNode n, int depth) {
    String op = n.operator();
    if (op.contains("Exchange") && !op.contains("Broadcast")) {
      return n;
    }
    if (depth > 3 || n.children().size() != 1) {
      return null;
    }
    return shuffleBelow(n.children().get(0), depth + 1);
  }

  private static String relationBelow(PlanNode n, int depth) {
    if (n.relation() != null) {
      return n.relation();
    }
    if (depth > 20 || n.children().size() != 1) {
      return null;
    }
    return relationBelow(n.children().get(0), depth + 1);
  }
}
