package dev.dbtls.warehouse.findings;

import static dev.dbtls.warehouse.findings.PlanFigures.count;
import static dev.dbtls.warehouse.findings.PlanFigures.loops;
import static dev.dbtls.warehouse.findings.PlanFigures.number;

import dev.dbtls.warehouse.Finding;
import dev.dbtls.warehouse.PlanNode;
import java.util.ArrayList;
import java.util.List;

/** {@code spill-to-disk}: a sort or hash that did not fit in memory. */
final class SpillToDisk implements PlanRule {
  static final String KIND = "spill-to-disk";

  @Override
  public Finding at(PlanNode n, PlanScope scope) {
    List<String> evidence = new ArrayList<>();
    String title = null;
    String advice =
        switch (scope.dialect()) {
          case "postgres" -> "more work_mem for the query (set work_mem = '...' in its session)";
          case "duckdb" -> "more memory_limit, or fewer rows or columns into it";
          case "mariadb", "mysql" -> "a larger sort_buffer_size, or fewer rows to sort";
          default -> "more memory for it";
        };
    if ("Disk".equals(n.property("Sort Space Type"))) {
      title = "Sort spilled to disk";
      evidence.add(
          "sort method "
              + n.property("Sort Method")
              + ", "
              + kb(n.property("Sort Space Used"))
              + " on disk");
    } else if (number(n.property("Hash Batches")) > 1) {
      title = "Hash spilled to disk in " + n.property("Hash Batches") + " batches";
      evidence.add(
          "hash batches "
              + n.property("Hash Batches")
              + " (planned "
              + n.property("Original Hash Batches")
              + "), peak memory "
              + kb(n.property("Peak Memory Usage")));
    } else if (number(n.property("r_sort_passes")) > 0) {
      title = "Filesort merged through temporary files";
      evidence.add(
          "r_sort_passes "
              + n.property("r_sort_passes")
              + " (sort mode "
              + n.property("r_sort_mode")
              + ", buffer "
              + n.property("r_buffer_size")
              + ")");
    } else if (number(n.property("query_system_peak_temp_dir_size")) > 0) {
      title = "The query spilled to disk";
      evidence.add(
          "peak temporary directory size "
              + count(number(n.property("query_system_peak_temp_dir_size")))
              + " bytes");
    } else if (number(n.property("system_peak_temp_dir_size")) > 0) {
      title = n.operator() + " spilled to disk";
      evidence.add(
          "peak temporary directory size "
              + count(number(n.property("system_peak_temp_dir_size")))
              + " bytes");
    }
    if (title == null) {
      return null;
    }
    if (n.actualRows() != null) {
      evidence.add(count(n.actualRows() * loops(n)) + " rows");
    }
    evidence.add("disk is slower than memory; " + advice + " keeps it in memory");
    return new Finding(
        KIND,
        n.id(),
        title + ": " + advice + " would keep it in memory",
        evidence,
        Finding.HIGH,
        "reported by the warehouse for this run",
        null);
  }

  private static String kb(String value) {
    return value == null ? "? kB" : count(number(value)) + " kB";
  }
}
