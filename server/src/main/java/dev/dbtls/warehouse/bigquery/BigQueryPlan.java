package dev.dbtls.warehouse.bigquery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.cloud.bigquery.JobStatistics;
import com.google.cloud.bigquery.QueryStage;
import com.google.cloud.bigquery.TableId;
import dev.dbtls.warehouse.ClientEngine;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A job's query statistics as the engine's plain {@link ClientEngine.JobPlan}. */
final class BigQueryPlan {
  private static final ObjectMapper JSON = new ObjectMapper();

  private BigQueryPlan() {}

  static ClientEngine.JobPlan of(JobStatistics.QueryStatistics s, boolean ran) {
    List<ClientEngine.Stage> stages = new ArrayList<>();
    if (ran && s.getQueryPlan() != null) {
      for (QueryStage q : s.getQueryPlan()) {
        stages.add(stage(q));
      }
    }
    List<String> tables = new ArrayList<>();
    if (s.getReferencedTables() != null) {
      for (TableId t : s.getReferencedTables()) {
        tables.add(t.getProject() + "." + t.getDataset() + "." + t.getTable());
      }
    }
    long elapsed =
        s.getStartTime() != null && s.getEndTime() != null ? s.getEndTime() - s.getStartTime() : 0;
    ClientEngine.JobPlan plan =
        new ClientEngine.JobPlan(
            s.getStatementType() == null ? null : s.getStatementType().toString(),
            orZero(s.getTotalBytesProcessed()),
            orZero(s.getTotalBytesBilled()),
            orZero(s.getTotalSlotMs()),
            elapsed,
            List.copyOf(stages),
            List.copyOf(tables),
            null);
    return new ClientEngine.JobPlan(
        plan.statementType(),
        plan.bytesProcessed(),
        plan.bytesBilled(),
        plan.slotMs(),
        plan.elapsedMs(),
        plan.stages(),
        plan.tables(),
        raw(plan));
  }

  private static ClientEngine.Stage stage(QueryStage q) {
    List<String> inputs = new ArrayList<>();
    if (q.getInputStages() != null) {
      q.getInputStages().forEach(i -> inputs.add(String.valueOf(i)));
    }
    List<String> steps = new ArrayList<>();
    if (q.getSteps() != null) {
      for (QueryStage.QueryStep step : q.getSteps()) {
        steps.add(
            step.getName()
                + (step.getSubsteps() == null || step.getSubsteps().isEmpty()
                    ? ""
                    : " " + String.join("; ", step.getSubsteps())));
      }
    }
    return new ClientEngine.Stage(
        String.valueOf(q.getGeneratedId()),
        q.getName(),
        List.copyOf(inputs),
        q.getRecordsRead(),
        q.getRecordsWritten(),
        q.getSlotMs(),
        q.getShuffleOutputBytes(),
        q.getWaitMsAvg(),
        q.getReadMsAvg(),
        q.getComputeMsAvg(),
        q.getWriteMsAvg(),
        q.getStartMs(),
        q.getEndMs(),
        List.copyOf(steps));
  }

  /** The statistics dbtls read, as JSON: the plan's raw text. */
  private static String raw(ClientEngine.JobPlan p) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("statementType", p.statementType());
    m.put("totalBytesProcessed", p.bytesProcessed());
    m.put("totalBytesBilled", p.bytesBilled());
    m.put("totalSlotMs", p.slotMs());
    m.put("elapsedMs", p.elapsedMs());
    m.put("referencedTables", p.tables());
    m.put("queryPlan", p.stages());
    try {
      return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(m);
    } catch (JsonProcessingException e) {
      return String.valueOf(m);
    }
  }

  private static long orZero(Long v) {
    return v == null ? 0 : v;
  }
}
