package dev.dbtls.clients;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.Gson;
import dev.dbtls.protocol.PlanNode;
import dev.dbtls.protocol.StepHeat;
import java.util.List;
import java.util.Map;
import org.eclipse.lsp4j.jsonrpc.json.MessageJsonHandler;
import org.junit.jupiter.api.Test;

/** Protocol enums are strings on the wire, though LSP4J writes enums as numbers by default. */
class WireEnumTest {
  @Test
  void aProtocolEnumIsItsLowerCaseNameBothWays() {
    Gson gson = new MessageJsonHandler(Map.of()).getGson();
    PlanNode n =
        new PlanNode(
            "0",
            "X",
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            Map.of(),
            null,
            List.of(),
            0.5,
            StepHeat.HIGH,
            null);
    String json = gson.toJson(n);
    assertEquals(true, json.contains("\"heat\":\"high\""), json);
    assertEquals(StepHeat.WARM, gson.fromJson("{\"heat\":\"warm\"}", PlanNode.class).heat());
  }
}
