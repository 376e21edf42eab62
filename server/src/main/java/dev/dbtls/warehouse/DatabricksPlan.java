package dev.dbtls.warehouse;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads Databricks' (Spark's) {@code explain formatted}: the physical plan drawn as a tree of
 * numbered steps ({@code +- Filter (2)}, {@code :- Scan parquet main.shop.orders (1)}), then one
 * block per number with the step's details ({@code Condition : ...}, {@code Join type: Inner},
 * {@code PushedFilters: [...]}). Exchanges (shuffles) and broadcasts are where rows move between
 * the cluster's nodes.
 */
final class DatabricksPlan {
  private static final Pattern STEP = Pattern.compile("^(.*?)\\s*\\((\\d+)\\)$");
  private static final Pattern BLOCK = Pattern.compile("^\\((\\d+)\\)\\s+(.*)$");
  // a block's header may carry "[codegen id : 1]"
  private static final Pattern SCAN = Pattern.compile("^(Scan|PhotonScan)\\s+(\\S+)\\s+(\\S+)$");

  private DatabricksPlan() {}

  static PlanDraft read(List<String> lines) {
    Map<String, PlanDraft> byNumber = new HashMap<>();
    Map<Integer, PlanDraft> byColumn = new HashMap<>();
    PlanDraft root = null;
    int i = 0;
    while (i < lines.size() && !lines.get(i).strip().startsWith("== Physical Plan ==")) {
      i++;
    }
    for (i++; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.isBlank()) {
        if (root != null) {
          break; // the tree ends; the details follow
        }
        continue;
      }
      int marker = Math.max(line.indexOf("+- "), line.indexOf(":- "));
      // "* " marks a step compiled into whole-stage code; it is not part of the name
      String text =
          (marker >= 0 ? line.substring(marker + 3) : line).strip().replaceFirst("^\\* ", "");
      Matcher m = STEP.matcher(text);
      if (!m.matches()) {
        continue;
      }
      PlanDraft step = step(m.group(1));
      byNumber.put(m.group(2), step);
      int column = marker >= 0 ? marker + 3 : 0;
      if (root == null) {
        root = step;
      } else {
        PlanDraft parent = byColumn.get(column - 3);
        (parent != null ? parent : root).children.add(step);
      }
      int c = column;
      byColumn.keySet().removeIf(k -> k >= c);
      byColumn.put(column, step);
    }
    PlanDraft current = null;
    for (; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      Matcher b = BLOCK.matcher(line);
      if (b.matches()) {
        current = byNumber.get(b.group(1));
      } else if (current != null && !line.isEmpty()) {
        detail(current, line);
      }
    }
    return root;
  }

  private static PlanDraft step(String text) {
    Matcher scan = SCAN.matcher(text);
    if (scan.matches()) {
      PlanDraft d = new PlanDraft(scan.group(1) + " " + scan.group(2));
      String[] parts = scan.group(3).split("\\.");
      d.relation = parts[parts.length - 1];
      if (parts.length >= 2) {
        d.schema = parts[parts.length - 2];
      }
      if (parts.length >= 3) {
        d.properties.put("Catalog", parts[parts.length - 3]);
      }
      return d;
    }
    String[] words = text.split("\\s+");
    PlanDraft d = new PlanDraft(words[0]);
    if (words[0].endsWith("Join") && words.length > 1) {
      d.joinType = words[1];
      if (words.length > 2) {
        d.properties.put("Build side", words[2]);
      }
    }
    if (words.length > 1) {
      d.detail = text;
    }
    return d;
  }

  private static void detail(PlanDraft step, String line) {
    int colon = line.indexOf(':');
    if (colon <= 0) {
      return;
    }
    String key = line.substring(0, colon).replaceAll("\\s*\\[\\d+]\\s*$", "").strip();
    String value = line.substring(colon + 1).strip();
    step.properties.merge(key, value, (a, b) -> a + "; " + b);
    switch (key.toLowerCase(Locale.ROOT)) {
      case "condition" -> {
        step.filter = value;
        step.condition = value;
      }
      case "left keys" -> step.condition = value;
      case "right keys" -> {
        if (step.condition != null) {
          step.condition = step.condition + " = " + value;
        }
      }
      case "join type" -> step.joinType = value;
      default -> {}
    }
  }
}
