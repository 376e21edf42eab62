package dev.dbtls.warehouse;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How much of a plan's work each step is, which steps are hot, and where the row estimate is far
 * off: decided here once, so every client draws the same marks.
 *
 * <ul>
 *   <li>A step's share: its {@code timeShare} when analyzed, else its share of the steps' self
 *       times; without timings, its share of the planner's cost of the steps alone (PostgreSQL's
 *       cost includes the children's, which is taken off). {@link #basis()} says which.
 *   <li>Hot: any step of at least {@link #HOT_SHARE}, and the top steps that together make {@link
 *       #MOST_OF_TIME} of the whole, each at least {@link #MIN_HOT_SHARE}; {@code HIGH} from {@link
 *       #HIGH_SHARE} (the hottest step from {@link #HOT_SHARE}), else {@code WARM}.
 *   <li>Misestimate: actual rows at least {@link #MISESTIMATE_FACTOR} times off the estimate,
 *       either way, the larger at least {@link #MISESTIMATE_MIN_ROWS} (zero rows count as one).
 * </ul>
 */
public final class PlanHeat {
  /** A step at or above this share is always hot. */
  public static final double HOT_SHARE = 0.2;

  /**
   * A hot step at or above this share is high, below it warm (the hottest is high from HOT_SHARE).
   */
  public static final double HIGH_SHARE = 0.4;

  /** The top steps together making this much of the time are hot... */
  public static final double MOST_OF_TIME = 0.6;

  /** ...when each is at least this much. */
  public static final double MIN_HOT_SHARE = 0.08;

  /** Actual rows this many times off the estimate are a misestimate... */
  public static final double MISESTIMATE_FACTOR = 10;

  /** ...when the larger of the two is at least this many rows (73 expected, 0 came is no news). */
  public static final double MISESTIMATE_MIN_ROWS = 100;

  /** What the shares are of. */
  public enum Basis {
    TIME,
    COST,
    NONE
  }

  /** How hot a step is. */
  public enum Heat {
    NONE,
    WARM,
    HIGH
  }

  private final Basis basis;
  private final Map<String, Double> shares = new HashMap<>();
  private final Map<String, Heat> heat = new HashMap<>();

  private PlanHeat(Basis basis) {
    this.basis = basis;
  }

  /** The shares and heat of every step of {@code root} (none for a null root). */
  public static PlanHeat of(PlanNode root, boolean analyzed) {
    if (root == null) {
      return new PlanHeat(Basis.NONE);
    }
    List<PlanNode> nodes = new ArrayList<>();
    depthFirst(root, nodes, 0);
    Double[] shares = new Double[nodes.size()];
    Basis basis = shares(nodes, analyzed, shares);
    Heat[] heat = heat(shares);
    PlanHeat out = new PlanHeat(basis);
    for (int i = 0; i < nodes.size(); i++) {
      out.shares.put(nodes.get(i).id(), shares[i]);
      out.heat.put(nodes.get(i).id(), heat[i]);
    }
    return out;
  }

  public Basis basis() {
    return basis;
  }

  /** The step's share (0..1) of the plan's time or cost; null when unknown. */
  public Double share(PlanNode n) {
    return shares.get(n.id());
  }

  public Heat heat(PlanNode n) {
    return heat.getOrDefault(n.id(), Heat.NONE);
  }

  /**
   * How many times the actual rows are off the estimate (at least 1; zero rows count as one), or
   * null when either is unknown.
   */
  public static Double estimateFactor(PlanNode n) {
    if (n.actualRows() == null || n.estimatedRows() == null) {
      return null;
    }
    double a = Math.max(n.actualRows(), 1);
    double e = Math.max(n.estimatedRows(), 1);
    return a >= e ? a / e : e / a;
  }

  /** The factor of a misestimate worth a mark, or null when the estimate is close enough. */
  public static Double misestimate(PlanNode n) {
    Double factor = estimateFactor(n);
    if (factor == null
        || factor < MISESTIMATE_FACTOR
        || Math.max(Math.max(n.actualRows(), 1), Math.max(n.estimatedRows(), 1))
            < MISESTIMATE_MIN_ROWS) {
      return null;
    }
    return factor;
  }

  static Basis shares(List<PlanNode> nodes, boolean analyzed, Double[] out) {
    if (analyzed) {
      if (nodes.stream().anyMatch(n -> finite(n.timeShare()))) {
        for (int i = 0; i < out.length; i++) {
          Double s = nodes.get(i).timeShare();
          out[i] = finite(s) ? Math.min(1, Math.max(0, s)) : null;
        }
        return Basis.TIME;
      }
      double total =
          nodes.stream()
              .map(PlanNode::selfTimeMs)
              .filter(PlanHeat::finite)
              .mapToDouble(Double::doubleValue)
              .sum();
      if (total > 0) {
        for (int i = 0; i < out.length; i++) {
          Double t = nodes.get(i).selfTimeMs();
          out[i] = finite(t) ? Math.min(1, Math.max(0, t / total)) : null;
        }
        return Basis.TIME;
      }
    }
    if (nodes.stream().noneMatch(n -> finite(n.estimatedCost()))) {
      return Basis.NONE;
    }
    // PostgreSQL's costs include the children's: only when every step's does is it taken off
    boolean cumulative =
        nodes.stream()
            .allMatch(
                n ->
                    !finite(n.estimatedCost())
                        || childCosts(n) == null
                        || n.estimatedCost() + 1e-9 >= childCosts(n));
    Double[] self = new Double[out.length];
    double total = 0;
    for (int i = 0; i < out.length; i++) {
      PlanNode n = nodes.get(i);
      if (!finite(n.estimatedCost())) {
        continue;
      }
      double children = childCosts(n) == null ? 0 : childCosts(n);
      self[i] = Math.max(0, cumulative ? n.estimatedCost() - children : n.estimatedCost());
      total += self[i];
    }
    if (!(total > 0)) {
      return Basis.NONE;
    }
    for (int i = 0; i < out.length; i++) {
      out[i] = self[i] == null ? null : self[i] / total;
    }
    return Basis.COST;
  }

  /** The sum of the children's costs, or null when no child has one. */
  private static Double childCosts(PlanNode n) {
    List<Double> costs =
        n.children().stream().map(PlanNode::estimatedCost).filter(PlanHeat::finite).toList();
    return costs.isEmpty() ? null : costs.stream().mapToDouble(Double::doubleValue).sum();
  }

  static Heat[] heat(Double[] shares) {
    Heat[] heat = new Heat[shares.length];
    java.util.Arrays.fill(heat, Heat.NONE);
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < shares.length; i++) {
      if (shares[i] != null && shares[i] > 0) {
        order.add(i);
      }
    }
    order.sort(Comparator.comparingDouble((Integer i) -> shares[i]).reversed());
    double acc = 0;
    for (int i : order) {
      double s = shares[i];
      boolean inTop = acc < MOST_OF_TIME && s >= MIN_HOT_SHARE;
      boolean hottest = acc == 0 && s >= HOT_SHARE;
      if (s >= HOT_SHARE || inTop) {
        heat[i] = s >= HIGH_SHARE || hottest ? Heat.HIGH : Heat.WARM;
      } else {
        break;
      }
      acc += s;
    }
    return heat;
  }

  private static void depthFirst(PlanNode n, List<PlanNode> out, int depth) {
    out.add(n);
    if (depth < 500) {
      n.children().forEach(c -> depthFirst(c, out, depth + 1));
    }
  }

  private static boolean finite(Double d) {
    return d != null && Double.isFinite(d);
  }
}
