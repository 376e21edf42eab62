package dev.dbtls.run.dbt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Map;

/**
 * One line of {@code dbt --log-format json}, read as dbt-core's {@code core_types.proto} defines
 * it: {@code info} (the event's {@code name} such as {@code LogStartLine}, its {@code code}, {@code
 * level}, {@code msg} as dbt prints it in text, {@code thread}, {@code ts}) and {@code data}, whose
 * {@code node_info} names the node ({@code unique_id}, {@code node_status}, {@code
 * node_started_at}, {@code node_finished_at}, {@code node_relation}). dbt v2 writes the same names
 * and fields (its json compatibility layer) with lowercase statuses and no index on a start.
 *
 * @param uniqueId the node the event is about ({@code data.node_info.unique_id}, or {@code
 *     data.unique_id}); null for a run-wide event
 * @param status {@code data.status} (a test's {@code pass}, a model's adapter message such as
 *     {@code CREATE VIEW} in dbt Core, a lowercase status in dbt v2), else {@code
 *     data.run_result.status}
 * @param message a result's message: {@code data.result_message}, {@code data.run_result.message}
 *     or a {@code RunResultError}'s {@code data.msg}
 * @param index {@code data.index} (0 when absent)
 * @param total {@code data.total} or a test's {@code data.num_models} (0 when absent)
 * @param failures {@code data.num_failures} or {@code data.run_result.num_failures}; null when
 *     absent
 */
public record DbtLogEvent(
    String name,
    String code,
    String level,
    String msg,
    String thread,
    Instant ts,
    String invocationId,
    String uniqueId,
    String nodeName,
    String resourceType,
    String nodeStatus,
    Instant nodeStartedAt,
    Instant nodeFinishedAt,
    String relationName,
    String status,
    String message,
    int index,
    int total,
    Double executionTime,
    Long failures,
    Map<String, Object> adapterResponse) {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** The event a line holds; null when the line is not one (dbt's own crash output, a blank). */
  public static DbtLogEvent parse(String line) {
    if (line == null || !line.stripLeading().startsWith("{")) {
      return null;
    }
    JsonNode root;
    try {
      root = JSON.readTree(line);
    } catch (java.io.IOException e) {
      return null;
    }
    JsonNode info = root.path("info");
    if (!info.isObject() || !info.path("name").isTextual()) {
      return null;
    }
    JsonNode data = root.path("data");
    JsonNode node = data.path("node_info");
    JsonNode result = data.path("run_result");
    String uniqueId = text(node, "unique_id");
    if (uniqueId == null) {
      uniqueId = text(data, "unique_id");
    }
    String message = text(data, "result_message");
    if (message == null) {
      message = text(result, "message");
    }
    if (message == null && info.path("name").asText().equals("RunResultError")) {
      message = text(data, "msg");
    }
    String status = text(data, "status");
    if (status == null) {
      status = text(result, "status");
    }
    Long failures = number(data, "num_failures");
    if (failures == null) {
      failures = number(result, "num_failures");
    }
    Double seconds = null;
    if (data.path("execution_time").isNumber()) {
      seconds = data.path("execution_time").asDouble();
    } else if (result.path("execution_time").isNumber()) {
      seconds = result.path("execution_time").asDouble();
    }
    int total = data.path("total").asInt(0);
    if (total == 0) {
      total = data.path("num_models").asInt(0);
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> response =
        result.path("adapter_response").isObject()
            ? JSON.convertValue(result.path("adapter_response"), Map.class)
            : Map.of();
    return new DbtLogEvent(
        info.path("name").asText(),
        text(info, "code"),
        text(info, "level"),
        info.path("msg").isTextual() ? info.path("msg").asText() : "",
        text(info, "thread"),
        instant(info.path("ts")),
        text(info, "invocation_id"),
        uniqueId,
        text(node, "node_name"),
        text(node, "resource_type"),
        text(node, "node_status"),
        instant(node.path("node_started_at")),
        instant(node.path("node_finished_at")),
        text(node.path("node_relation"), "relation_name"),
        status,
        message,
        data.path("index").asInt(0),
        total,
        seconds,
        failures,
        response);
  }

  /** dbt prints it (info, warn, error); debug events show only with {@code --debug}. */
  public boolean shown() {
    return !"debug".equals(level);
  }

  private static String text(JsonNode n, String field) {
    JsonNode v = n.path(field);
    return v.isTextual() && !v.asText().isEmpty() ? v.asText() : null;
  }

  private static Long number(JsonNode n, String field) {
    JsonNode v = n.path(field);
    return v.isNumber() ? v.asLong() : null;
  }

  /**
   * dbt Core writes node times without a zone (they are UTC: {@code 2024-12-17T12:53:50.123456})
   * and event times with a Z; dbt v2 writes both with a Z, or a protobuf timestamp object.
   */
  static Instant instant(JsonNode v) {
    if (v.isObject() && v.path("seconds").isNumber()) {
      return Instant.ofEpochSecond(v.path("seconds").asLong(), v.path("nanos").asLong(0));
    }
    if (!v.isTextual() || v.asText().isBlank()) {
      return null;
    }
    String s = v.asText();
    try {
      return Instant.parse(s);
    } catch (DateTimeParseException e) {
      try {
        return LocalDateTime.parse(s.replace(' ', 'T')).toInstant(ZoneOffset.UTC);
      } catch (DateTimeParseException e2) {
        try {
          return java.time.OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeParseException e3) {
          return null;
        }
      }
    }
  }
}
