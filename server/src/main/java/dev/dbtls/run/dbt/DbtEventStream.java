package dev.dbtls.run.dbt;

import dev.dbtls.index.Node;
import dev.dbtls.run.DataTests;
import dev.dbtls.run.NodeResult;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * dbt's stdout, line by line, turned into the native runner's progress: a node's start ({@code
 * LogStartLine}, or {@code NodeStart} under {@code --debug}) is {@link DataTests.Listener#started},
 * its end ({@code LogModelResult}, {@code LogTestResult}, {@code LogSeedResult}, {@code
 * LogSnapshotResult}, the other {@code Log*Result}s, {@code NodeFinished}, {@code SkippingDetails})
 * is {@link DataTests.Listener#finished} with dbt's status, time, message and failures, once per
 * node. {@code RunResultError} gives an errored node its message. What dbt prints (each shown
 * event's {@code msg}, and lines that are no event: dbt's own crash output) goes to {@code out} as
 * dbt wrote it; error events and such lines are kept as the run's errors. Used from the one thread
 * that reads dbt's stdout.
 */
public final class DbtEventStream {
  /** The events that end a node, as dbt-core and dbt v2 name them. */
  static final Set<String> RESULTS =
      Set.of(
          "LogModelResult",
          "LogTestResult",
          "LogSeedResult",
          "LogSnapshotResult",
          "LogNodeNoOpResult",
          "LogFreshnessResult",
          "LogFunctionResult",
          "LogNodeResult",
          "NodeFinished",
          "SkippingDetails");

  private final Function<String, Node> nodes;
  private final DataTests.Listener listener;
  private final int expectedTotal;
  private final Consumer<String> out;
  private final Map<String, Integer> indexes = new LinkedHashMap<>();
  private final Map<String, NodeResult> ended = new LinkedHashMap<>();
  private final Map<String, Instant> starts = new LinkedHashMap<>();
  private final List<String> errors = new ArrayList<>();
  private final List<String> raw = new ArrayList<>();
  private String invocationId;
  private int total;

  /**
   * @param nodes the project's node of a unique id (null when dbtls does not know it)
   * @param expectedTotal how many nodes dbtls expects the command to run, for dbt v2 whose start
   *     lines carry no total
   * @param out each line dbt prints, as it prints it
   */
  public DbtEventStream(
      Function<String, Node> nodes,
      DataTests.Listener listener,
      int expectedTotal,
      Consumer<String> out) {
    this.nodes = nodes;
    this.listener = listener;
    this.expectedTotal = expectedTotal;
    this.out = out;
  }

  /** One line of dbt's stdout. */
  public void line(String line) {
    DbtLogEvent e = DbtLogEvent.parse(line);
    if (e == null) {
      if (!line.isBlank()) {
        raw.add(line);
      }
      out.accept(line);
      return;
    }
    if (invocationId == null) {
      invocationId = e.invocationId();
    }
    if (e.shown()) {
      out.accept(e.msg());
    }
    if (e.total() > 0) {
      total = Math.max(total, e.total());
    }
    switch (e.name()) {
      case "LogStartLine", "NodeStart" -> start(e);
      case "RunResultError" -> {
        if (e.uniqueId() != null && ended.containsKey(e.uniqueId()) && e.message() != null) {
          NodeResult r = ended.get(e.uniqueId());
          ended.put(e.uniqueId(), withMessage(r, e.message().strip()));
        }
        errors.add(e.msg());
      }
      default -> {
        if (RESULTS.contains(e.name()) && e.uniqueId() != null) {
          end(e);
        } else if ("error".equals(e.level())) {
          errors.add(e.msg());
        }
      }
    }
  }

  private void start(DbtLogEvent e) {
    if (e.uniqueId() == null || indexes.containsKey(e.uniqueId())) {
      return;
    }
    int index = e.index() > 0 ? e.index() : indexes.size() + 1;
    indexes.put(e.uniqueId(), index);
    starts.put(e.uniqueId(), e.nodeStartedAt() != null ? e.nodeStartedAt() : e.ts());
    Node n = nodes.apply(e.uniqueId());
    if (n != null) {
      listener.started(index, total(), n);
    }
  }

  private void end(DbtLogEvent e) {
    String id = e.uniqueId();
    if (ended.containsKey(id)) {
      return;
    }
    if (!indexes.containsKey(id)) {
      indexes.put(id, e.index() > 0 ? e.index() : indexes.size() + 1);
    }
    NodeResult r = result(e, nodes.apply(id), starts.get(id));
    ended.put(id, r);
    listener.finished(indexes.get(id), total(), r);
  }

  /** A node's result as one end event tells it. */
  static NodeResult result(DbtLogEvent e, Node n, Instant startedHere) {
    String type =
        e.resourceType() != null ? e.resourceType() : n == null ? null : n.type().dbtName();
    boolean test = "test".equals(type) || "unit_test".equals(type);
    NodeResult.Status status =
        e.name().equals("SkippingDetails") ? NodeResult.Status.SKIPPED : status(e, test);
    Instant completed =
        e.nodeFinishedAt() != null ? e.nodeFinishedAt() : e.ts() != null ? e.ts() : Instant.now();
    Instant started =
        e.nodeStartedAt() != null
            ? e.nodeStartedAt()
            : startedHere != null
                ? startedHere
                : e.executionTime() != null
                    ? completed.minusNanos((long) (e.executionTime() * 1e9))
                    : completed;
    String message = e.message();
    if (message == null
        && !test
        && status == NodeResult.Status.SUCCESS
        && e.status() != null
        && word(e.status()) == null) {
      // dbt Core's LogModelResult carries the adapter's message as its status ("CREATE VIEW")
      message = e.status();
    }
    String name = e.nodeName() != null ? e.nodeName() : n != null ? n.name() : nameOf(e.uniqueId());
    return new NodeResult(
        e.uniqueId(),
        name,
        status,
        e.failures() == null ? 0 : e.failures(),
        message,
        null,
        status == NodeResult.Status.SKIPPED ? null : started,
        status == NodeResult.Status.SKIPPED ? null : started,
        status == NodeResult.Status.SKIPPED ? null : completed,
        e.thread(),
        e.adapterResponse(),
        e.relationName());
  }

  /** dbt's word for how a node ended, from the event's status, then its node_status. */
  static NodeResult.Status status(DbtLogEvent e, boolean test) {
    NodeResult.Status s = word(e.status());
    if (s == null) {
      s = word(e.nodeStatus());
    }
    if (s == null) {
      s = "error".equals(e.level()) ? NodeResult.Status.ERROR : NodeResult.Status.SUCCESS;
    }
    if (test && s == NodeResult.Status.SUCCESS) {
      return NodeResult.Status.PASS;
    }
    if (!test && s == NodeResult.Status.PASS) {
      return NodeResult.Status.SUCCESS;
    }
    return s;
  }

  /** A status word of dbt's (Core's node statuses, v2's lowercase outcomes); null for others. */
  static NodeResult.Status word(String status) {
    if (status == null) {
      return null;
    }
    return switch (status.strip().toLowerCase(Locale.ROOT)) {
      case "success", "reused", "no-op", "partial success" -> NodeResult.Status.SUCCESS;
      case "pass" -> NodeResult.Status.PASS;
      case "warn" -> NodeResult.Status.WARN;
      case "fail" -> NodeResult.Status.FAIL;
      case "error", "runtime error" -> NodeResult.Status.ERROR;
      case "skipped", "cancelled", "canceled" -> NodeResult.Status.SKIPPED;
      default -> null;
    };
  }

  /** A test's or model's name from its unique id ({@code test.shop.unique_x.2c5b} → unique_x). */
  static String nameOf(String uniqueId) {
    String[] parts = uniqueId.split("\\.");
    return parts.length >= 3 ? parts[2] : uniqueId;
  }

  private static NodeResult withMessage(NodeResult r, String message) {
    return new NodeResult(
        r.uniqueId(),
        r.name(),
        r.status(),
        r.failures(),
        message,
        r.compiledSql(),
        r.compileStarted(),
        r.executeStarted(),
        r.completed(),
        r.thread(),
        r.adapterResponse(),
        r.relationName());
  }

  private int total() {
    return Math.max(Math.max(total, expectedTotal), indexes.size());
  }

  /**
   * Ends what started and did not end (a cancelled run, a crash): skipped, told to the listener.
   */
  public void endUnfinished(String why) {
    for (Map.Entry<String, Integer> s : indexes.entrySet()) {
      if (!ended.containsKey(s.getKey())) {
        Node n = nodes.apply(s.getKey());
        NodeResult r =
            new NodeResult(
                s.getKey(),
                n != null ? n.name() : nameOf(s.getKey()),
                NodeResult.Status.SKIPPED,
                0,
                why,
                null,
                null,
                null,
                null,
                null);
        ended.put(s.getKey(), r);
        listener.finished(s.getValue(), total(), r);
      }
    }
  }

  /** Every node's end so far, in the order they ended. */
  public List<NodeResult> results() {
    return List.copyOf(ended.values());
  }

  /** The index a node was given (its start line's, or its place in the run). */
  public int indexOf(String uniqueId) {
    return indexes.getOrDefault(uniqueId, 0);
  }

  /** Error events ({@code msg} as dbt printed them) and lines that were not events. */
  public List<String> errors() {
    List<String> all = new ArrayList<>(errors);
    all.addAll(raw);
    return all;
  }

  /** The run's invocation id, as its events carry it; null before the first event. */
  public String invocationId() {
    return invocationId;
  }
}
