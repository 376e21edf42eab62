package dev.dbtls.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunHistoryTest {
  private static RunHistory.Run run(String runId, String target, long at, int errors) {
    return new RunHistory.Run(0, "/p", target, runId, "build", at, 1200, 1, 0, errors, 0, null);
  }

  private static RunHistory.NodeRun node(String id, String status) {
    return new RunHistory.NodeRun(
        id, id.substring(id.lastIndexOf('.') + 1), "model", status, null, "CREATE VIEW", 0.5, null);
  }

  @Test
  void runsComeBackInALaterSessionNewestFirstWithTheirNodesAndEachNodesLastEnd(@TempDir Path dir) {
    Path file = dir.resolve("store.db");
    try (Store store = Store.open(file)) {
      store
          .runs()
          .add(
              run("a1", "dev", 1000, 1),
              List.of(node("model.p.orders", "error"), node("model.p.customers", "skipped")));
      store.runs().add(run("a2", "dev", 2000, 0), List.of(node("model.p.orders", "success")));
      store.runs().add(run("a3", "prod", 3000, 1), List.of(node("model.p.orders", "error")));
    }
    try (Store store = Store.open(file)) {
      List<RunHistory.Run> runs = store.runs().list("/p", 10).value();
      assertEquals(List.of("a3", "a2", "a1"), runs.stream().map(RunHistory.Run::runId).toList());
      assertEquals(
          List.of("error", "skipped"),
          store.runs().nodes("/p", "a1").value().stream().map(RunHistory.NodeRun::status).toList());
      Map<String, RunHistory.Last> dev =
          store
              .runs()
              .last("/p", "dev", List.of("model.p.orders", "model.p.customers", "x"))
              .value();
      assertEquals("success", dev.get("model.p.orders").status());
      assertEquals(2000, dev.get("model.p.orders").at());
      assertEquals("skipped", dev.get("model.p.customers").status());
      assertEquals(2, dev.size(), dev.toString());
      assertEquals(
          "error",
          store
              .runs()
              .last("/p", null, List.of("model.p.orders"))
              .value()
              .get("model.p.orders")
              .status());
      assertEquals(List.of(), store.runs().list("/other", 10).value());
    }
  }

  @Test
  void onlyTheNewestRunsOfAProjectAreKept(@TempDir Path dir) throws Exception {
    try (Store store = Store.open(dir.resolve("store.db"))) {
      for (int i = 0; i < RunHistory.KEPT + 5; i++) {
        store.runs().add(run("r" + i, "dev", i, 0), List.of(node("model.p.m", "success")));
      }
      List<RunHistory.Run> runs = store.runs().list("/p", 1000).value();
      assertEquals(RunHistory.KEPT, runs.size());
      assertEquals("r" + (RunHistory.KEPT + 4), runs.get(0).runId());
      assertEquals("r5", runs.get(runs.size() - 1).runId());
      assertEquals(
          String.valueOf(RunHistory.KEPT),
          Sqlite.one(dir.resolve("store.db"), "SELECT count(*) FROM run_node"));
    }
  }
}
