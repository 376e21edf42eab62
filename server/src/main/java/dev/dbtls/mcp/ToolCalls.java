package dev.dbtls.mcp;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dbtls.index.compile.ProjectSnapshot;
import dev.dbtls.project.Secrets;
import dev.dbtls.store.HistoryEntry;
import dev.dbtls.store.Store;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.spec.McpSchema;
import java.time.Instant;
import java.util.Map;

/**
 * Every tool call passes here: the tool answers, the answer becomes JSON text with every credential
 * of the target hidden ({@link Secrets#scrub}), and the call goes to the query history with origin
 * {@code mcp}. A bad argument or a failure is a tool error the agent reads, never a dead server.
 */
final class ToolCalls {
  /**
   * A tool's answer with what the history keeps of it.
   *
   * @param value the answer
   * @param error whether the call failed (the answer says why)
   * @param compiledSql the SQL sent to the warehouse, if any
   * @param rows rows returned, if any
   */
  record Answer(Object value, boolean error, String compiledSql, Long rows) {}

  static final ObjectMapper JSON =
      new ObjectMapper().setSerializationInclusion(JsonInclude.Include.NON_NULL);

  private final McpProject project;

  ToolCalls(McpProject project) {
    this.project = project;
  }

  SyncToolSpecification spec(DbtTool tool) {
    McpSchema.Tool described =
        McpSchema.Tool.builder()
            .name(tool.name())
            .description(tool.description())
            .inputSchema(tool.inputSchema())
            .annotations(
                new McpSchema.ToolAnnotations(
                    null, tool.readOnly(), !tool.readOnly(), tool.readOnly(), false, null))
            .build();
    return SyncToolSpecification.builder()
        .tool(described)
        .callHandler((exchange, request) -> call(tool, request.arguments()))
        .build();
  }

  McpSchema.CallToolResult call(DbtTool tool, Map<String, Object> arguments) {
    Instant started = Instant.now();
    Answer answer;
    try {
      Object value = tool.call(new Arguments(arguments), project);
      answer = value instanceof Answer a ? a : new Answer(value, false, null, null);
    } catch (Arguments.ToolInputException | IllegalStateException e) {
      answer = new Answer(Map.of("error", String.valueOf(e.getMessage())), true, null, null);
    } catch (Exception | LinkageError | StackOverflowError e) {
      System.err.println("dbtls: mcp tool " + tool.name() + " failed: " + e);
      answer = new Answer(Map.of("error", "internal error: " + e), true, null, null);
    }
    String text = scrub(json(answer.value()));
    record(tool, arguments, answer, text, started);
    return McpSchema.CallToolResult.builder().addTextContent(text).isError(answer.error()).build();
  }

  private static String json(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (Exception e) {
      return "{\"error\": \"the answer could not be written as JSON\"}";
    }
  }

  /** {@code text} without the target's credentials (its secret values, URL passwords). */
  String scrub(String text) {
    ProjectSnapshot s = project.current();
    return Secrets.scrub(text, s == null ? Map.of() : s.inputs().target().fields());
  }

  /** The call in the query history: the tool and its arguments as the SQL written, origin mcp. */
  private void record(
      DbtTool tool, Map<String, Object> arguments, Answer answer, String text, Instant started) {
    Store store = project.store();
    if (store == null) {
      return;
    }
    ProjectSnapshot s = project.current();
    String error = null;
    if (answer.error()) {
      Object e = answer.value() instanceof Map<?, ?> m ? m.get("error") : null;
      error = e == null ? text : scrub(String.valueOf(e));
    }
    store
        .history()
        .record(
            new HistoryEntry(
                0,
                project.root().toString(),
                s == null ? null : s.inputs().target().name(),
                s == null ? null : s.inputs().target().type(),
                scrub(
                    "-- mcp " + tool.name() + " " + json(arguments == null ? Map.of() : arguments)),
                answer.compiledSql() == null ? null : scrub(answer.compiledSql()),
                started,
                java.time.Duration.between(started, Instant.now()).toMillis(),
                answer.rows(),
                answer.error() ? HistoryEntry.Status.ERROR : HistoryEntry.Status.OK,
                error,
                HistoryEntry.MCP));
  }
}
