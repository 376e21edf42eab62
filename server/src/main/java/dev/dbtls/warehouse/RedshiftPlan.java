package dev.dbtls.warehouse;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads Redshift's {@code explain}, which is text only: one step per line, children drawn below
 * their parent after {@code ->}, each with {@code (cost=a..b rows=n width=w)}, and the step's
 * details ({@code Hash Cond: …}, {@code Filter: …}, {@code Send to leader}) on the lines between.
 * Steps run on the compute nodes carry {@code XN}; a join says how its rows move between nodes
 * ({@code DS_DIST_NONE}, {@code DS_BCAST_INNER}, …), kept as the step's {@code Distribution}.
 * PostgreSQL's text plans have the same shape without those words, so they read alike.
 */
final class RedshiftPlan {
  private static final Pattern STEP =
      Pattern.compile(
          "^(?<op>.*?)\\s*\\(cost=(?<c0>[\\d.]+)\\.\\.(?<c1>[\\d.]+)\\s+rows=(?<rows>\\d+)"
              + "\\s+width=\\d+\\)\\s*$");
  private static final Pattern DISTRIBUTION = Pattern.compile("\\s+(DS_[A-Z_]+)\\b");
  private static final Pattern ON =
      Pattern.compile("^(?<op>.*?) on (?<rel>[^\\s]+)(?:\\s+(?<alias>[^\\s]+))?$");
  private static final Pattern USING = Pattern.compile("^(?<op>.*?) using (?<index>[^\\s]+)$");

  private RedshiftPlan() {}

  /** The plan from {@code explain}'s rows (one line each), or null when there is none. */
  static PlanDraft read(List<String> lines) {
    record Open(int indent, PlanDraft step) {}
    Deque<Open> open = new ArrayDeque<>();
    PlanDraft root = null;
    for (String raw : lines) {
      if (raw == null || raw.isBlank()) {
        continue;
      }
      int indent = raw.length() - raw.stripLeading().length();
      String text = raw.strip();
      boolean child = text.startsWith("->");
      String body = child ? text.substring(2).strip() : text;
      Matcher m = STEP.matcher(body);
      if (m.matches() && (child || root == null)) {
        PlanDraft step = step(m);
        if (root == null) {
          root = step;
        } else {
          while (!open.isEmpty() && open.peek().indent() >= indent) {
            open.pop();
          }
          (open.isEmpty() ? root : open.peek().step()).children.add(step);
        }
        open.push(new Open(indent, step));
      } else if (!open.isEmpty()) {
        detail(open.peek().step(), text);
      }
    }
    return root;
  }

  private static PlanDraft step(Matcher m) {
    String op = m.group("op").strip();
    String distribution = null;
    Matcher dist = DISTRIBUTION.matcher(op);
    if (dist.find()) {
      distribution = dist.group(1);
      op = (op.substring(0, dist.start()) + op.substring(dist.end())).strip();
    }
    boolean computeNodes = op.startsWith("XN ");
    if (computeNodes) {
      op = op.substring(3).strip();
    }
    String relation = null;
    String alias = null;
    String index = null;
    Matcher on = ON.matcher(op);
    if (on.matches()) {
      op = on.group("op");
      relation = on.group("rel");
      alias = on.group("alias");
      Matcher using = USING.matcher(op);
      if (using.matches()) {
        op = using.group("op");
        index = using.group("index");
      }
    }
    PlanDraft d = new PlanDraft(op);
    int dot = relation == null ? -1 : relation.lastIndexOf('.');
    if (dot > 0) {
      d.schema = relation.substring(0, dot);
      relation = relation.substring(dot + 1);
    }
    d.relation = relation;
    d.alias = alias != null && !alias.equalsIgnoreCase(relation) ? alias : null;
    d.index = index;
    d.estimatedRows = Double.parseDouble(m.group("rows"));
    d.estimatedCost = Double.parseDouble(m.group("c1"));
    if (distribution != null) {
      d.properties.put("Distribution", distribution);
    }
    if (computeNodes) {
      d.properties.put("Runs on", "compute nodes");
    }
    String lower = op.toLowerCase(Locale.ROOT);
    for (String type : List.of("Left", "Right", "Full", "Anti", "Semi")) {
      if (lower.contains(type.toLowerCase(Locale.ROOT) + " join")) {
        d.joinType = type;
      }
    }
    if (d.joinType == null && lower.contains("join") || lower.equals("nested loop")) {
      d.joinType = "Inner";
    }
    return d;
  }

  /** A detail line of the step: {@code Key: value} into its properties, else its detail. */
  private static void detail(PlanDraft step, String text) {
    int colon = text.indexOf(": ");
    if (colon > 0 && text.substring(0, colon).matches("[A-Za-z][A-Za-z ]*")) {
      String key = text.substring(0, colon);
      String value = text.substring(colon + 2).strip();
      step.properties.merge(key, value, (a, b) -> a + "; " + b);
      switch (key) {
        case "Hash Cond", "Merge Cond", "Join Filter", "Index Cond" -> {
          if (step.condition == null) {
            step.condition = value;
          }
        }
        case "Filter" -> {
          step.filter = value;
          if (step.condition == null) {
            step.condition = value;
          }
        }
        default -> {}
      }
    } else {
      step.detail = step.detail == null ? text : step.detail + "; " + text;
    }
  }
}
