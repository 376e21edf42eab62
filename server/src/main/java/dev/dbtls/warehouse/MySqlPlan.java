package dev.dbtls.warehouse;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads MariaDB's (and MySQL's) {@code explain format=json} and MariaDB's {@code analyze
 * format=json} into a tree. A query_block holds a "table" or a "nested_loop" of tables (read left
 * to right: each joins the rows so far, so the loop becomes a left-deep tree of Nested Loop steps,
 * "block-nl-join" a Block Nested Loop whose "attached_condition" is the join condition), possibly
 * under "filesort", "temporary_table", MySQL's "ordering_operation", "grouping_operation",
 * "duplicates_removal"; "subqueries" and "materialized" hold further query blocks, "union_result"
 * the blocks of a union. A table step's rows are what it puts out: rows examined times the share
 * "filtered" (MariaDB analyze: r_rows times r_filtered). MariaDB names a table by its alias only;
 * {@code aliases} (alias to table, from the query) gives the table back. MySQL 8's field names
 * (rows_examined_per_scan, cost_info) are read from its documentation, untested here.
 */
final class MySqlPlan {
  private static final Set<String> WRAPPERS =
      Set.of(
          "filesort",
          "temporary_table",
          "ordering_operation",
          "grouping_operation",
          "duplicates_removal",
          "windowing",
          "read_sorted_file",
          "union_result");
  private static final Set<String> TABLE_READ =
      Set.of("table_name", "key", "attached_condition", "materialized", "subqueries");

  private MySqlPlan() {}

  static PlanDraft read(JsonNode json, Map<String, String> aliases) {
    JsonNode qb = json.path("query_block");
    return qb.isObject() ? block(qb, aliases, 0) : null;
  }

  private static PlanDraft block(JsonNode qb, Map<String, String> aliases, int depth) {
    PlanDraft d = new PlanDraft("Query Block");
    d.inclusiveMs = PlanDraft.number(qb, "r_total_time_ms");
    d.loops = qb.has("r_loops") ? qb.get("r_loops").asLong() : null;
    d.estimatedCost = PlanDraft.number(qb.path("cost_info"), "query_cost");
    d.scalars(qb, Set.of());
    d.children.addAll(content(qb, aliases, depth + 1));
    if (d.children.size() == 1 && d.estimatedCost == null) {
      d.estimatedRows = d.children.get(0).estimatedRows;
      d.actualRows = d.children.get(0).actualRows;
    }
    return d;
  }

  /** The steps an object holds: tables, loops, wrappers, subqueries. */
  private static List<PlanDraft> content(JsonNode o, Map<String, String> aliases, int depth) {
    List<PlanDraft> out = new ArrayList<>();
    if (depth > 200) {
      return out;
    }
    o.fields()
        .forEachRemaining(
            e -> {
              String key = e.getKey();
              JsonNode v = e.getValue();
              switch (key) {
                case "table" -> out.add(table(v, aliases, depth));
                case "nested_loop" -> {
                  PlanDraft acc = null;
                  for (JsonNode step : v) {
                    PlanDraft next;
                    String op = "Nested Loop";
                    String condition = null;
                    JsonNode bnl = step.get("block-nl-join");
                    if (bnl != null) {
                      next =
                          bnl.has("table")
                              ? table(bnl.get("table"), aliases, depth)
                              : new PlanDraft("?");
                      op = "Block Nested Loop";
                      condition = PlanDraft.text(bnl, "attached_condition");
                    } else {
                      List<PlanDraft> inner = content(step, aliases, depth + 1);
                      if (inner.isEmpty()) {
                        continue;
                      }
                      next = inner.get(0);
                    }
                    if (acc == null) {
                      acc = next;
                      continue;
                    }
                    PlanDraft loop = new PlanDraft(op);
                    loop.condition = condition;
                    if (bnl != null) {
                      loop.joinType = PlanDraft.text(bnl, "join_type");
                      loop.scalars(bnl, Set.of("table"));
                      loop.selfMs =
                          sum(
                              PlanDraft.number(bnl, "r_unpack_time_ms"),
                              PlanDraft.number(bnl, "r_other_time_ms"));
                    }
                    loop.children.add(acc);
                    loop.children.add(next);
                    // a plain loop's inner step runs once per outer row (r_loops) and its rows are
                    // per
                    // run; a block loop's inner table is read once per buffer, its pairs then
                    // filtered
                    loop.estimatedRows = product(acc.estimatedRows, next.estimatedRows);
                    if (bnl == null) {
                      loop.actualRows =
                          product(next.actualRows, next.loops == null ? null : (double) next.loops);
                    } else {
                      Double pairs =
                          product(
                              acc.actualRows == null
                                  ? null
                                  : acc.actualRows * (acc.loops == null ? 1 : acc.loops),
                              next.actualRows);
                      Double kept = PlanDraft.number(bnl, "r_filtered");
                      loop.actualRows =
                          pairs == null ? null : pairs * (kept == null ? 100 : kept) / 100;
                    }
                    acc = loop;
                  }
                  if (acc != null) {
                    out.add(acc);
                  }
                }
                case "subqueries" ->
                    v.forEach(
                        s -> {
                          PlanDraft sub = block(s.path("query_block"), aliases, depth + 1);
                          sub.operator = "Subquery";
                          out.add(sub);
                        });
                case "query_specifications" ->
                    v.forEach(s -> out.add(block(s.path("query_block"), aliases, depth + 1)));
                default -> {
                  if (WRAPPERS.contains(key) && v.isObject()) {
                    PlanDraft w = new PlanDraft(operatorOf(key));
                    w.condition = PlanDraft.text(v, "sort_key");
                    w.selfMs = PlanDraft.number(v, "r_total_time_ms");
                    w.scalars(v, Set.of());
                    w.children.addAll(content(v, aliases, depth + 1));
                    w.actualRows = PlanDraft.number(v, "r_output_rows");
                    if (w.children.size() == 1) {
                      w.estimatedRows = w.children.get(0).estimatedRows;
                      if (w.actualRows == null) {
                        w.actualRows = w.children.get(0).actualRows;
                      }
                    }
                    out.add(w);
                  }
                }
              }
            });
    return out;
  }

  private static String operatorOf(String key) {
    return switch (key) {
      case "filesort" -> "Filesort";
      case "temporary_table" -> "Temporary Table";
      case "ordering_operation" -> "Ordering";
      case "grouping_operation" -> "Grouping";
      case "duplicates_removal" -> "Duplicates Removal";
      case "windowing" -> "Window";
      case "read_sorted_file" -> "Read Sorted File";
      case "union_result" -> "Union";
      default -> key;
    };
  }

  private static PlanDraft table(JsonNode t, Map<String, String> aliases, int depth) {
    String access = PlanDraft.text(t, "access_type");
    PlanDraft d = new PlanDraft(access == null ? "Table" : accessOperator(access));
    String name = PlanDraft.text(t, "table_name");
    d.alias = name;
    if (name != null && !name.startsWith("<")) {
      String table = aliases.getOrDefault(name.toLowerCase(Locale.ROOT), name);
      int dot = table.lastIndexOf('.');
      d.relation = table.substring(dot + 1);
      d.schema = dot < 0 ? null : table.substring(0, dot);
    }
    d.index = PlanDraft.text(t, "key");
    d.filter = PlanDraft.text(t, "attached_condition");
    d.condition = d.filter;
    if (d.condition == null && t.has("ref") && d.index != null) {
      d.condition = d.index + " = " + PlanDraft.text(t, "ref");
    }
    Double rows = PlanDraft.number(t, "rows");
    if (rows == null) {
      rows = PlanDraft.number(t, "rows_examined_per_scan"); // MySQL
    }
    Double filtered = PlanDraft.number(t, "filtered");
    d.estimatedRows = rows == null ? null : rows * (filtered == null ? 100 : filtered) / 100;
    d.estimatedCost = PlanDraft.number(t.path("cost_info"), "prefix_cost");
    Double rRows = PlanDraft.number(t, "r_rows");
    Double rFiltered = PlanDraft.number(t, "r_filtered");
    d.actualRows = rRows == null ? null : rRows * (rFiltered == null ? 100 : rFiltered) / 100;
    d.loops = t.has("r_loops") ? t.get("r_loops").asLong() : null;
    d.selfMs =
        t.has("r_table_time_ms")
            ? sum(PlanDraft.number(t, "r_table_time_ms"), PlanDraft.number(t, "r_other_time_ms"))
            : PlanDraft.number(t, "r_total_time_ms");
    d.actualTimeMs = d.selfMs;
    d.scalars(t, TABLE_READ);
    JsonNode materialized = t.path("materialized").path("query_block");
    if (materialized.isObject()) {
      d.children.add(block(materialized, aliases, depth + 1));
    }
    t.path("subqueries")
        .forEach(
            s -> {
              PlanDraft sub = block(s.path("query_block"), aliases, depth + 1);
              sub.operator = "Subquery";
              d.children.add(sub);
            });
    return d;
  }

  /** MariaDB's access types in words; "ALL" is a full table scan. */
  static String accessOperator(String access) {
    return switch (access) {
      case "ALL" -> "Full Table Scan";
      case "index" -> "Full Index Scan";
      case "range" -> "Index Range Scan";
      case "index_merge" -> "Index Merge";
      case "const", "system" -> "Constant Lookup";
      default -> "Index Lookup (" + access + ")";
    };
  }

  private static Double sum(Double a, Double b) {
    if (a == null || b == null) {
      return a == null ? b : a;
    }
    return a + b;
  }

  private static Double product(Double a, Double b) {
    return a == null || b == null ? null : a * b;
  }
}
