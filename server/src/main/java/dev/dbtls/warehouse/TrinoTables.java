package dev.dbtls.warehouse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Names the tables of Trino scans whose connector prints only a handle ({@code table = memory:2}):
 * Trino's input list ({@code explain (type io, format json)}) says which tables the query reads,
 * and each such scan is the one input table that has every column the scan puts out (Trino may add
 * {@code _1} to a column's name in the plan). A scan that fits no table, or more than one, stays
 * unnamed. Connectors that print names (tpch, hive, iceberg, …) need none of this.
 */
final class TrinoTables {
  private static final ObjectMapper JSON = new ObjectMapper();

  private TrinoTables() {}

  private record Table(String catalog, String schema, String name, Set<String> columns) {}

  static void name(Connection c, String query, PlanDraft root) {
    List<PlanDraft> unnamed = new ArrayList<>();
    unnamed(root, unnamed, 0);
    if (unnamed.isEmpty()) {
      return;
    }
    try {
      List<Table> inputs = inputs(c, query);
      for (PlanDraft scan : unnamed) {
        Set<String> out = read(scan.properties.get("Assignments"));
        if (out.isEmpty()) {
          out = layout(scan.properties.get("Layout"));
        }
        Table only = null;
        int fits = 0;
        for (Table t : inputs) {
          if (fits(out, t.columns()) || inputs.size() == 1) {
            only = t;
            fits++;
          }
        }
        if (fits == 1) {
          scan.relation = only.name();
          scan.schema = only.schema();
          scan.properties.put("Catalog", only.catalog());
        }
      }
    } catch (SQLException | RuntimeException e) {
      // the scans stay unnamed; the plan is still the plan
    }
  }

  private static void unnamed(PlanDraft d, List<PlanDraft> out, int depth) {
    String table = TrinoPlan.argument(d.properties.getOrDefault("Descriptor", ""), "table");
    if (table != null && (d.relation == null || d.relation.chars().allMatch(Character::isDigit))) {
      d.relation = null;
      d.schema = null;
      out.add(d);
    }
    if (depth < 500) {
      d.children.forEach(c -> unnamed(c, out, depth + 1));
    }
  }

  /** The tables the query reads, each with its columns (lower case). */
  private static List<Table> inputs(Connection c, String query) throws SQLException {
    Map<String, Table> tables = new LinkedHashMap<>();
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("explain (type io, format json) " + query)) {
      if (!rs.next()) {
        return List.of();
      }
      JsonNode io = JSON.readTree(rs.getString(1));
      for (JsonNode input : io.path("inputTableColumnInfos")) {
        JsonNode t = input.path("table");
        String catalog = t.path("catalog").asText();
        String schema = t.path("schemaTable").path("schema").asText();
        String name = t.path("schemaTable").path("table").asText();
        tables.putIfAbsent(
            catalog + "." + schema + "." + name,
            new Table(catalog, schema, name, columns(c, catalog, schema, name)));
      }
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      return List.of();
    }
    return List.copyOf(tables.values());
  }

  private static Set<String> columns(Connection c, String catalog, String schema, String table)
      throws SQLException {
    Set<String> out = new HashSet<>();
    String sql =
        "select column_name from \""
            + catalog.replace("\"", "\"\"")
            + "\".information_schema.columns where table_schema = ? and table_name = ?";
    try (PreparedStatement s = c.prepareStatement(sql)) {
      s.setString(1, schema);
      s.setString(2, table);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          out.add(rs.getString(1).toLowerCase(Locale.ROOT));
        }
      }
    }
    return out;
  }

  /**
   * The symbols a scan reads from table columns: its assignments whose right side is a column
   * handle ({@code name := 1}, {@code name := tpch:name}), not an expression.
   */
  static Set<String> read(String assignments) {
    Set<String> names = new HashSet<>();
    if (assignments == null) {
      return names;
    }
    for (String a : assignments.split("; ")) {
      int at = a.indexOf(" := ");
      if (at > 0 && a.substring(at + 4).strip().matches("[\\w]+(:[\\w]+)?")) {
        names.add(a.substring(0, at).strip().toLowerCase(Locale.ROOT));
      }
    }
    return names;
  }

  /** The names of {@code Layout: [a:bigint, b_1:varchar(15)]}. */
  static Set<String> layout(String layout) {
    Set<String> names = new HashSet<>();
    if (layout == null) {
      return names;
    }
    String inner = layout.strip().replaceAll("^\\[|]$", "");
    int depth = 0;
    int start = 0;
    for (int i = 0; i <= inner.length(); i++) {
      char ch = i < inner.length() ? inner.charAt(i) : ',';
      if (ch == '(') {
        depth++;
      } else if (ch == ')') {
        depth--;
      } else if (ch == ',' && depth == 0) {
        String part = inner.substring(start, i).strip();
        int colon = part.indexOf(':');
        if (colon > 0) {
          names.add(part.substring(0, colon).toLowerCase(Locale.ROOT));
        }
        start = i + 1;
      }
    }
    return names;
  }

  private static boolean fits(Set<String> out, Set<String> columns) {
    if (out.isEmpty()) {
      return false;
    }
    for (String name : out) {
      if (!columns.contains(name) && !columns.contains(name.replaceFirst("_\\d+$", ""))) {
        return false;
      }
    }
    return true;
  }
}
