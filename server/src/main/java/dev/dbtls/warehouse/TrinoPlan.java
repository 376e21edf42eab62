package dev.dbtls.warehouse;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads Trino's distributed plan, from {@code explain (type distributed)} and from {@code explain
 * analyze} alike (both are text; the analyzed one adds each step's CPU, wall time and rows). The
 * plan comes in fragments, the stages that run on the workers; a {@code RemoteSource} step receives
 * another fragment's rows over the network, so the fragment is drawn below it, as one tree. Each
 * fragment's header (its kind, how its output is partitioned, its CPU) goes onto its first step.
 */
final class TrinoPlan {
  private static final Pattern FRAGMENT = Pattern.compile("^Fragment (\\d+) \\[(.*)]$");
  private static final Pattern STEP = Pattern.compile("^([A-Z][A-Za-z]*)(?:\\[(.*)])?$");
  private static final Pattern ROWS = Pattern.compile("rows: ([\\d.?]+)");
  private static final Pattern OUTPUT_ROWS = Pattern.compile("Output: (\\d+) rows");
  private static final Pattern SCHEDULED = Pattern.compile("Scheduled: ([\\d.]+)(ns|us|ms|s|m|h)");
  private static final Pattern CPU = Pattern.compile("^CPU: ([\\d.]+)(ns|us|ms|s|m|h)");
  private static final Pattern ASSIGNMENT = Pattern.compile("^[\\w$]+ := .+$");
  private static final Pattern SOURCES = Pattern.compile("sourceFragmentIds = \\[([\\d, ]+)]");
  private static final List<String> FRAGMENT_LINES =
      List.of("CPU: ", "Peak Memory: ", "Output layout: ", "Output partitioning: ", "Stage ");

  private TrinoPlan() {}

  /** A fragment while read: its header lines and its steps, the first being its root. */
  private static final class Fragment {
    final String id;
    final String kind;
    final Map<String, String> header = new LinkedHashMap<>();
    PlanDraft root;

    Fragment(String id, String kind) {
      this.id = id;
      this.kind = kind;
    }
  }

  /** The plan from the explain text, or null when it has no fragment. */
  static PlanDraft read(List<String> lines) {
    Map<String, Fragment> fragments = new LinkedHashMap<>();
    List<PlanDraft> remoteSources = new ArrayList<>();
    Fragment current = null;
    Map<Integer, PlanDraft> byColumn = new HashMap<>();
    PlanDraft last = null;
    for (String line : lines) {
      if (line == null || line.isBlank()) {
        continue;
      }
      Matcher f = FRAGMENT.matcher(line.strip());
      if (f.matches() && !line.startsWith(" ")) {
        current = new Fragment(f.group(1), f.group(2));
        fragments.put(current.id, current);
        byColumn.clear();
        last = null;
        continue;
      }
      if (current == null) {
        continue; // the query's own header: version, queued, planning and execution times
      }
      int prefix = prefix(line);
      String text = line.substring(prefix).strip();
      boolean branch = line.substring(0, prefix).endsWith("─ ");
      if (current.root == null && !branch) {
        String header = FRAGMENT_LINES.stream().filter(text::startsWith).findFirst().orElse(null);
        if (header != null) {
          current.header.merge(
              header.strip().replace(":", ""), after(text, header), String::concat);
          continue;
        }
      }
      boolean root = current.root == null && STEP.matcher(text).matches();
      if (root || branch && STEP.matcher(text).matches()) {
        PlanDraft step = step(text);
        if (root) {
          current.root = step;
        } else {
          PlanDraft parent = byColumn.get(prefix - 3);
          (parent != null ? parent : current.root).children.add(step);
        }
        byColumn.keySet().removeIf(column -> column >= prefix); // a new branch: the old is done
        byColumn.put(prefix, step);
        if (step.operator.equals("RemoteSource")) {
          remoteSources.add(step);
        }
        last = step;
      } else if (last != null) {
        detail(deepestAbove(byColumn, prefix, last), text);
      }
    }
    if (fragments.isEmpty()) {
      return null;
    }
    for (PlanDraft remote : remoteSources) {
      Matcher m = SOURCES.matcher(remote.properties.getOrDefault("Descriptor", ""));
      if (m.find()) {
        for (String id : m.group(1).split(",\\s*")) {
          Fragment source = fragments.remove(id.strip());
          if (source != null && source.root != null) {
            remote.children.add(stamp(source));
            remote.detail = "receives stage " + source.id + " (" + partitioning(source) + ")";
            remote.properties.put("Exchange", partitioning(source));
          }
        }
      }
    }
    Fragment top = fragments.values().iterator().next();
    return top.root == null ? null : stamp(top);
  }

  /** How many leading characters draw the tree (spaces, │, ├─, └─). */
  private static int prefix(String line) {
    int i = 0;
    while (i < line.length() && " │├└─".indexOf(line.charAt(i)) >= 0) {
      i++;
    }
    return i;
  }

  /** The step a detail line belongs to: the one whose text starts left of the line's. */
  private static PlanDraft deepestAbove(Map<Integer, PlanDraft> byColumn, int column, PlanDraft d) {
    PlanDraft best = null;
    int bestColumn = -1;
    for (Map.Entry<Integer, PlanDraft> e : byColumn.entrySet()) {
      if (e.getKey() < column && e.getKey() > bestColumn) {
        best = e.getValue();
        bestColumn = e.getKey();
      }
    }
    return best != null ? best : d;
  }

  private static PlanDraft stamp(Fragment f) {
    f.root.properties.put("Stage", f.id + " [" + f.kind + "]");
    f.header.forEach((k, v) -> f.root.properties.put("Stage " + k, v));
    return f.root;
  }

  /** The fragment's output partitioning's first word: BROADCAST, HASH, SINGLE, ROUND_ROBIN. */
  private static String partitioning(Fragment f) {
    String p = f.header.getOrDefault("Output partitioning", "").strip();
    int space = p.indexOf(' ');
    return (space < 0 ? p : p.substring(0, space)).toUpperCase(Locale.ROOT);
  }

  private static PlanDraft step(String text) {
    Matcher m = STEP.matcher(text);
    m.matches();
    PlanDraft d = new PlanDraft(m.group(1));
    String descriptor = m.group(2);
    if (descriptor != null) {
      d.properties.put("Descriptor", descriptor);
      String table = argument(descriptor, "table");
      if (table != null) {
        // catalog:schema:table, maybe followed by the connector's own words
        String[] parts = table.split("[ $@]")[0].split(":");
        if (parts.length == 2 && parts[1].contains(".")) {
          // catalog:schema.table (the JDBC connectors, iceberg)
          parts =
              new String[] {
                parts[0],
                parts[1].substring(0, parts[1].lastIndexOf('.')),
                parts[1].substring(parts[1].lastIndexOf('.') + 1)
              };
        }
        if (parts.length >= 2) {
          d.relation = parts[parts.length - 1];
          d.schema = parts[parts.length - 2];
        }
        if (parts.length >= 3) {
          d.properties.put("Catalog", parts[0]);
        }
      }
      d.condition = argument(descriptor, "criteria");
      d.filter = argument(descriptor, "filterPredicate");
      if (d.condition == null) {
        d.condition = d.filter;
      }
    }
    String op = d.operator;
    if (op.endsWith("Join") && op.length() > 4) {
      d.joinType = op.substring(0, op.length() - 4);
    }
    return d;
  }

  /** A {@code name = value} argument of a step's descriptor, up to the comma at its own depth. */
  static String argument(String descriptor, String name) {
    int at = descriptor.startsWith(name + " = ") ? 0 : descriptor.indexOf(", " + name + " = ");
    if (at < 0) {
      return null;
    }
    int start = descriptor.indexOf(" = ", at) + 3;
    int depth = 0;
    for (int i = start; i < descriptor.length(); i++) {
      char c = descriptor.charAt(i);
      if (c == '(' || c == '[' || c == '{') {
        depth++;
      } else if (c == ')' || c == ']' || c == '}') {
        depth--;
      } else if (c == ',' && depth == 0) {
        return descriptor.substring(start, i).strip();
      }
    }
    return descriptor.substring(start).strip();
  }

  /** A detail line: estimates, the analyzed figures, or a {@code Key: value} property. */
  private static void detail(PlanDraft step, String text) {
    if (text.startsWith("Estimates: ")) {
      // a fused step (scan, filter, project) lists one estimate each; the last is its output
      String[] parts = text.split("}/\\{");
      Matcher r = ROWS.matcher(parts[parts.length - 1]);
      if (r.find() && !r.group(1).equals("?")) {
        step.estimatedRows = Double.parseDouble(r.group(1));
      }
      step.properties.put("Estimates", text.substring("Estimates: ".length()));
      return;
    }
    Matcher cpu = CPU.matcher(text);
    if (cpu.find()) {
      // the step's own figures: CPU, wall ("scheduled") time, rows out
      Matcher wall = SCHEDULED.matcher(text);
      if (wall.find()) {
        step.selfMs = millis(wall.group(1), wall.group(2));
      }
      Matcher out = OUTPUT_ROWS.matcher(text);
      if (out.find()) {
        step.actualRows = Double.parseDouble(out.group(1));
      }
      step.properties.put("CPU", cpu.group(1) + cpu.group(2));
      step.properties.put("Analyzed", text);
      return;
    }
    Matcher assigned = ASSIGNMENT.matcher(text);
    if (assigned.matches()) {
      // a symbol read from a table column (a scan's), or computed by an expression
      step.properties.merge("Assignments", text, (a, b) -> a + "; " + b);
      return;
    }
    if (text.startsWith("- ") || text.equals("Dynamic filters:")) {
      // the dynamic filters a scan waited for, one per line
      if (text.startsWith("- ")) {
        step.properties.merge("Dynamic filters", text.substring(2), (a, b) -> a + "; " + b);
      }
      return;
    }
    int colon = text.indexOf(": ");
    if (colon > 0 && text.substring(0, colon).matches("[A-Za-z][A-Za-z .()]*")) {
      step.properties.merge(
          text.substring(0, colon), text.substring(colon + 2).strip(), (a, b) -> a + "; " + b);
    } else {
      step.detail = step.detail == null ? text : step.detail + "; " + text;
    }
  }

  static double millis(String value, String unit) {
    double v = Double.parseDouble(value);
    return switch (unit) {
      case "ns" -> v / 1_000_000;
      case "us" -> v / 1_000;
      case "s" -> v * 1_000;
      case "m" -> v * 60_000;
      case "h" -> v * 3_600_000;
      default -> v;
    };
  }

  private static String after(String text, String header) {
    return text.substring(header.length()).strip();
  }
}
