package dev.dbtls.index;

import java.util.Random;

/**
 * Manual check of reading a large catalog.json (not a test: timing depends on the machine): {@code
 * java -cp <classpath> dev.dbtls.index.CatalogSizeCheck RELATIONS COLUMNS_EACH}. Prints the file
 * size, the parse time (best of 5 after warm-up) and the heap the parsed catalog keeps.
 */
public final class CatalogSizeCheck {
  public static void main(String[] args) {
    int relations = Integer.parseInt(args[0]);
    int columnsEach = Integer.parseInt(args[1]);
    String json = generate(relations, columnsEach, new Random(1));
    long best = Long.MAX_VALUE;
    Catalog kept = null;
    for (int i = 0; i < 8; i++) {
      kept = null;
      long t0 = System.nanoTime();
      kept = Catalog.parse("target/catalog.json", json);
      best = Math.min(best, System.nanoTime() - t0);
    }
    long before = usedAfterGc();
    kept = null;
    long after = usedAfterGc();
    Catalog again = Catalog.parse("target/catalog.json", json);
    long withAgain = usedAfterGc();
    System.out.printf(
        "%d relations x %d columns: %.1f MB JSON, parse %.1f ms, retained %.1f MB%n",
        relations, columnsEach, json.length() / 1e6, best / 1e6, (withAgain - after) / 1e6);
    System.out.println(again.relationCount() + " " + (before > 0));
  }

  private static long usedAfterGc() {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    Runtime r = Runtime.getRuntime();
    return r.totalMemory() - r.freeMemory();
  }

  static String generate(int relations, int columnsEach, Random random) {
    String[] types = {
      "INTEGER", "BIGINT", "VARCHAR", "DATE", "TIMESTAMP", "DECIMAL(18,2)", "BOOLEAN"
    };
    StringBuilder sb = new StringBuilder(relations * columnsEach * 90);
    sb.append(
        "{\"metadata\": {\"dbt_schema_version\": \"https://schemas.getdbt.com/dbt/catalog/v1.json\", \"dbt_version\": \"1.10.0\"},\n \"nodes\": {");
    for (int r = 0; r < relations; r++) {
      String id = "model.big.model_" + r;
      sb.append(r == 0 ? "" : ",")
          .append("\n  \"")
          .append(id)
          .append(
              "\": {\"metadata\": {\"type\": \"BASE TABLE\", \"schema\": \"main\", \"name\": \"model_")
          .append(r)
          .append("\", \"database\": \"big\", \"comment\": null, \"owner\": null}, \"columns\": {");
      for (int c = 0; c < columnsEach; c++) {
        String name = "column_" + (c < 5 ? c : random.nextInt(200));
        sb.append(c == 0 ? "" : ", ")
            .append("\"")
            .append(name)
            .append(c)
            .append("\": {\"type\": \"")
            .append(types[random.nextInt(types.length)])
            .append("\", \"index\": ")
            .append(c + 1)
            .append(", \"name\": \"")
            .append(name)
            .append(c)
            .append("\", \"comment\": null}");
      }
      sb.append(
              "}, \"stats\": {\"has_stats\": {\"id\": \"has_stats\", \"label\": \"Has Stats?\", \"value\": false, \"include\": false, \"description\": \"Indicates whether there are statistics for this table\"}}, \"unique_id\": \"")
          .append(id)
          .append("\"}");
    }
    sb.append("},\n \"sources\": {}, \"errors\": null}\n");
    return sb.toString();
  }
}
