package dev.dbtls.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** {@code dbtls lineage} on jaffle_shop: the tree, the JSON, a file argument, an unknown name. */
class LineageCommandTest {
  private static final String SHOP =
      Path.of(System.getProperty("dbtls.repoRoot", ".."))
          .resolve("test-projects/jaffle_shop")
          .toAbsolutePath()
          .normalize()
          .toString();

  private static CliRun run(String... args) {
    String[] all = new String[args.length + 5];
    all[0] = "lineage";
    all[1] = "--project-dir";
    all[2] = SHOP;
    all[3] = "--profiles-dir";
    all[4] = SHOP;
    System.arraycopy(args, 0, all, 5, args.length);
    return CliRun.of(all);
  }

  @Test
  void treeUpAndDown() {
    CliRun r = run("orders", "--up", "2", "--down", "1");
    assertEquals(0, r.exit(), r.err());
    String[] lines = r.out().split("\n");
    assertTrue(lines[0].startsWith("orders (model"), r.out());
    assertTrue(lines[0].contains("models/marts/orders.sql"), r.out());
    assertTrue(r.out().contains("\n  <- order_payments (model"), r.out());
    assertTrue(r.out().contains("\n    <- stg_payments (model"), r.out());
    assertTrue(r.out().contains("\n  -> weekly_shop_report (exposure)"), r.out());
    assertTrue(!r.out().contains("(test"), "no tests without --tests: " + r.out());
    assertTrue(run("orders", "--up", "0", "--down", "1", "--tests").out().contains("(test"));
  }

  @Test
  void jsonIsTheProtocolResult() {
    CliRun r = run("models/marts/orders.sql", "--json", "--up", "1", "--down", "0");
    assertEquals(0, r.exit(), r.err());
    JsonObject o = JsonParser.parseString(r.out()).getAsJsonObject();
    assertEquals("model.jaffle_shop.orders", o.get("root").getAsString());
    assertEquals(false, o.get("truncated").getAsBoolean());
    JsonArray nodes = o.getAsJsonArray("nodes");
    JsonObject root = nodes.get(0).getAsJsonObject();
    assertEquals(0, root.get("depth").getAsInt());
    assertTrue(root.get("uri").getAsString().startsWith("file:"), root.toString());
    assertTrue(root.get("uri").getAsString().endsWith("models/marts/orders.sql"), root.toString());
    assertTrue(root.get("hiddenDownstream").getAsInt() > 0, root.toString());
    assertTrue(nodes.size() > 1 && o.getAsJsonArray("edges").size() == nodes.size() - 1, r.out());
  }

  @Test
  void maxNodesSaysItCut() {
    CliRun r = run("orders", "--max-nodes", "2");
    assertEquals(0, r.exit(), r.err());
    assertTrue(r.err().contains("cut at 2 nodes"), r.err());
  }

  @Test
  void unknownNodeIsAnError() {
    CliRun r = run("no_such_model");
    assertEquals(1, r.exit());
    assertEquals("", r.out());
    assertTrue(r.err().contains("no node no_such_model in project 'jaffle_shop'"), r.err());
  }
}
