package dev.dbtls.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * {@code target/run_results.json} as dbt writes it (its run-results schema, v6): metadata, one
 * result per node (status, compile and execute timing, thread, execution time, message, failures,
 * unique id, compiled code), the run's elapsed time and its arguments — so tools that read dbt's
 * artifacts read dbtls' runs. {@code dbt_version} says it was dbtls.
 */
public final class RunResults {
  public static final String SCHEMA = "https://schemas.getdbt.com/dbt/run-results/v6.json";

  private RunResults() {}

  /** The artifact as plain data, ready for JSON. */
  public static Map<String, Object> of(
      List<NodeResult> results, double elapsedSeconds, Map<String, Object> args, Instant now) {
    Map<String, Object> metadata = new LinkedHashMap<>();
    metadata.put("dbt_schema_version", SCHEMA);
    metadata.put("dbt_version", "dbtls-" + version());
    metadata.put("generated_at", now.toString());
    metadata.put("invocation_id", UUID.randomUUID().toString());
    metadata.put("env", Map.of());
    List<Map<String, Object>> out = new ArrayList<>();
    for (NodeResult r : results) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("status", r.status().word());
      List<Map<String, Object>> timing = new ArrayList<>();
      if (r.compileStarted() != null) {
        Instant compiled = r.executeStarted() != null ? r.executeStarted() : r.completed();
        timing.add(timing("compile", r.compileStarted(), compiled));
      }
      if (r.executeStarted() != null) {
        timing.add(timing("execute", r.executeStarted(), r.completed()));
      }
      m.put("timing", timing);
      m.put("thread_id", r.thread());
      m.put("execution_time", Math.round(r.seconds() * 1e6) / 1e6);
      m.put("adapter_response", r.adapterResponse());
      m.put("message", r.message());
      m.put(
          "failures",
          r.status() == NodeResult.Status.ERROR || r.status() == NodeResult.Status.SUCCESS
              ? null
              : r.failures());
      m.put("unique_id", r.uniqueId());
      m.put("compiled", r.compiledSql() != null);
      m.put("compiled_code", r.compiledSql());
      m.put("relation_name", r.relationName());
      m.put("batch_results", null);
      out.add(m);
    }
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("metadata", metadata);
    doc.put("results", out);
    doc.put("elapsed_time", Math.round(elapsedSeconds * 1e6) / 1e6);
    doc.put("args", args);
    return doc;
  }

  /** Writes it to {@code file}, folders created. */
  public static void write(Path file, Map<String, Object> doc) throws IOException {
    Files.createDirectories(file.getParent());
    Path part = file.resolveSibling(file.getFileName() + ".part");
    Files.writeString(
        part,
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(doc));
    Files.move(
        part,
        file,
        java.nio.file.StandardCopyOption.REPLACE_EXISTING,
        java.nio.file.StandardCopyOption.ATOMIC_MOVE);
  }

  private static Map<String, Object> timing(String name, Instant started, Instant completed) {
    Map<String, Object> t = new LinkedHashMap<>();
    t.put("name", name);
    t.put("started_at", started.toString());
    t.put("completed_at", completed.toString());
    return t;
  }

  private static String version() {
    String v = RunResults.class.getPackage().getImplementationVersion();
    return v == null ? "dev" : v;
  }
}
