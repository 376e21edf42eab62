package dev.dbtls.run.dbt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dbtls.run.NodeResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * {@code target/run_results.json} as dbt writes it (dbt's run-results schema, the one {@link
 * dev.dbtls.run.RunResults} writes too): each result's {@code status}, {@code timing} ({@code
 * compile}, {@code execute}), {@code thread_id}, {@code adapter_response}, {@code message}, {@code
 * failures}, {@code unique_id}, {@code compiled_code} and {@code relation_name}, read back as
 * {@link NodeResult}s — the final word on a run of the user's dbt.
 */
public final class RunResultsReader {
  private RunResultsReader() {}

  /**
   * What a file says.
   *
   * @param invocationId {@code metadata.invocation_id}: which run wrote it
   * @param error why it could not be read; null when it was
   */
  public record Read(List<NodeResult> results, String invocationId, double elapsed, String error) {
    public boolean ok() {
      return error == null;
    }
  }

  /** Reads {@code file}; a node's name comes from {@code names} (null: from its unique id). */
  public static Read read(Path file, Function<String, String> names) {
    JsonNode root;
    try {
      root = new ObjectMapper().readTree(Files.readString(file));
    } catch (IOException | RuntimeException e) {
      return new Read(List.of(), null, 0, "cannot read " + file + ": " + e.getMessage());
    }
    if (!root.path("results").isArray()) {
      return new Read(List.of(), null, 0, file + " has no results");
    }
    List<NodeResult> out = new ArrayList<>();
    for (JsonNode r : root.path("results")) {
      String id = r.path("unique_id").asText(null);
      if (id == null) {
        continue;
      }
      NodeResult.Status status = DbtEventStream.word(r.path("status").asText(""));
      if (status == null) {
        status = NodeResult.Status.ERROR;
      }
      Instant compileStarted = null;
      Instant executeStarted = null;
      Instant completed = null;
      for (JsonNode t : r.path("timing")) {
        Instant from = DbtLogEvent.instant(t.path("started_at"));
        Instant to = DbtLogEvent.instant(t.path("completed_at"));
        if ("compile".equals(t.path("name").asText())) {
          compileStarted = from;
          completed = to != null ? to : completed;
        } else if ("execute".equals(t.path("name").asText())) {
          executeStarted = from;
          completed = to;
        }
      }
      if (compileStarted == null) {
        compileStarted = executeStarted;
      }
      if (completed == null && compileStarted != null && r.path("execution_time").isNumber()) {
        completed = compileStarted.plusNanos((long) (r.path("execution_time").asDouble() * 1e9));
      }
      @SuppressWarnings("unchecked")
      Map<String, Object> response =
          r.path("adapter_response").isObject()
              ? new ObjectMapper().convertValue(r.path("adapter_response"), Map.class)
              : Map.of();
      String name = names.apply(id);
      out.add(
          new NodeResult(
              id,
              name != null ? name : DbtEventStream.nameOf(id),
              status,
              r.path("failures").isNumber() ? r.path("failures").asLong() : 0,
              r.path("message").isTextual() ? r.path("message").asText() : null,
              r.path("compiled_code").isTextual() ? r.path("compiled_code").asText() : null,
              compileStarted,
              executeStarted,
              completed,
              r.path("thread_id").isTextual() ? r.path("thread_id").asText() : null,
              response,
              r.path("relation_name").isTextual() ? r.path("relation_name").asText() : null));
    }
    return new Read(
        out,
        root.path("metadata").path("invocation_id").asText(null),
        root.path("elapsed_time").asDouble(0),
        null);
  }
}
