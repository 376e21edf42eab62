package dev.dbtls.warehouse.findings;

import static dev.dbtls.warehouse.findings.PlanFigures.count;
import static dev.dbtls.warehouse.findings.PlanFigures.rows;

import dev.dbtls.warehouse.Finding;
import dev.dbtls.warehouse.PlanNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code join-without-condition}: a nested loop joining two sides of more than one row with no
 * condition between them, likely a missing ON.
 */
final class JoinWithoutCondition implements PlanRule {
  static final String KIND = "join-without-condition";

  @Override
  public Finding at(PlanNode n, PlanScope scope) {
    String dialect = scope.dialect();
    boolean analyzed = scope.analyzed();
    if (!NestedLoopLarge.nestedLoop(n, dialect)) {
      return null;
    }
    PlanNode outer = n.children().get(0);
    PlanNode inner = n.children().get(1);
    if (!n.operator().equals("CROSS_PRODUCT")) {
      if (n.condition() != null
          || n.property("Join Filter") != null
          || n.joinType() != null
              && !n.joinType().equalsIgnoreCase("Inner")
              && !n.joinType().equalsIgnoreCase("BNL")) {
        return null;
      }
      Set<String> names = new LinkedHashSet<>();
      names(outer, names, 0);
      if (mentions(inner, names, 0)) {
        return null;
      }
    }
    Double o = rows(outer, analyzed, false, dialect);
    Double i = rows(inner, analyzed, true, dialect);
    if (o == null || i == null || o <= 1 || i <= 1) {
      return null;
    }
    List<String> evidence =
        List.of(
            n.operator()
                + " with no join condition: every row of one"
                + " side pairs with every row of the other",
            "outer side: " + count(o) + " rows, inner side: " + count(i) + " rows",
            "about " + count(o * i) + " rows out");
    return new Finding(
        KIND,
        n.id(),
        "Join without a join condition ("
            + count(o)
            + " × "
            + count(i)
            + " rows): likely a missing ON",
        evidence,
        Finding.MEDIUM,
        "a cross join may be intended, or both join columns fixed to the same constant",
        null);
  }

  private static void names(PlanNode n, Set<String> out, int depth) {
    if (n.alias() != null) {
      out.add(n.alias().toLowerCase(Locale.ROOT));
    }
    if (n.relation() != null) {
      out.add(n.relation().toLowerCase(Locale.ROOT));
    }
    if (depth < 500) {
      n.children().forEach(c -> names(c, out, depth + 1));
    }
  }

  /** Whether a condition in the subtree names one of {@code names} ({@code name.column}). */
  private static boolean mentions(PlanNode n, Set<String> names, int depth) {
    List<String> texts = new ArrayList<>();
    texts.add(n.condition());
    texts.add(n.filter());
    for (String p :
        List.of(
            "ref",
            "Index Cond",
            "Recheck Cond",
            "Join Filter",
            "Hash Cond",
            "Merge Cond",
            "Filter")) {
      texts.add(n.property(p));
    }
    for (String t : texts) {
      if (t == null) {
        continue;
      }
      String lower = t.toLowerCase(Locale.ROOT).replace("`", "").replace("\"", "");
      for (String name : names) {
        if (Pattern.compile("(^|[^a-z0-9_$])" + Pattern.quote(name) + "\\.")
            .matcher(lower)
            .find()) {
          return true;
        }
      }
    }
    if (depth < 500) {
      for (PlanNode c : n.children()) {
        if (mentions(c, names, depth + 1)) {
          return true;
        }
      }
    }
    return false;
  }
}
