import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Runs SQL statements on Apache Spark in local mode and writes what each answered: {@code
 * SparkSql in.json out.json warehouse-dir}, where in.json is an array of statements and out.json
 * an array of {columns, rows} or {error}. Spark's own rows, as text (a test compares them).
 */
public final class SparkSql {
  public static void main(String[] args) throws Exception {
    ObjectMapper json = new ObjectMapper();
    JsonNode statements = json.readTree(Path.of(args[0]).toFile());
    SparkSession spark =
        SparkSession.builder()
            .master("local[1]")
            .appName("dbtls-tests")
            .config("spark.ui.enabled", "false")
            .config("spark.sql.shuffle.partitions", "2")
            .config("spark.sql.warehouse.dir", args[2])
            .getOrCreate();
    spark.sparkContext().setLogLevel("ERROR");
    ArrayNode out = json.createArrayNode();
    for (JsonNode statement : statements) {
      ObjectNode answer = out.addObject();
      try {
        var df = spark.sql(statement.asText());
        ArrayNode columns = answer.putArray("columns");
        for (String c : df.columns()) {
          columns.add(c);
        }
        ArrayNode rows = answer.putArray("rows");
        List<Row> all = df.collectAsList();
        for (Row r : all) {
          ArrayNode row = rows.addArray();
          for (int i = 0; i < r.length(); i++) {
            row.add(r.isNullAt(i) ? null : String.valueOf(r.get(i)));
          }
        }
      } catch (Exception e) {
        answer.put("error", String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
      }
    }
    spark.stop();
    Files.writeString(Path.of(args[1]), json.writeValueAsString(out));
  }
}
