package dev.dbtls.lsp;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Random protocol messages against the real server over stdio: valid requests and notifications of
 * every kind the server serves, mutated (values of the wrong type, huge or deeply nested, fields
 * removed, unknown methods, broken ids, truncated JSON). Seeded, so a failure repeats; bounded in
 * count and time. The server must answer every intact request, keep serving a well-formed request
 * after each batch, and never crash, hang or run out of memory. (It found two: a body LSP4J could
 * not parse desynchronised the stream for good, and a message quoting a huge input made an
 * error-message regex backtrack for minutes.)
 */
class ProtocolFuzzTest {
  private static final long SEED = 20261122L;
  private static final int MESSAGES = 2000;
  private static final long BUDGET_MILLIS = 60_000;

  @TempDir Path dir;
  private final List<String> uris = new ArrayList<>();

  private Path project() throws Exception {
    Path p = ShopProject.write(dir);
    Files.writeString(
        p.resolve("models/b.sql"), "with x as (select * from {{ ref('a') }})\nselect id from x\n");
    Files.writeString(p.resolve("models/c.sql"), "select * from {{ ref('a') }}\n");
    Files.writeString(
        p.resolve("models/schema.yml"),
        "version: 2\nmodels:\n  - name: a\n    columns:\n      - name: id\n");
    for (String f :
        List.of("models/a.sql", "models/b.sql", "models/schema.yml", "models/new.sql")) {
      uris.add(p.resolve(f).toUri().toString());
    }
    return p;
  }

  @Test
  void randomMessagesNeverCrashHangOrExhaustTheServer() throws Exception {
    Path p = project();
    String sanity = p.resolve("models/c.sql").toUri().toString();
    Random random = new Random(SEED);
    try (LspClient lsp = LspClient.start(dir)) {
      lsp.request("initialize", ShopProject.initialize(dir));
      lsp.notify("initialized", Map.of());
      lsp.notify(
          "textDocument/didOpen",
          Map.of(
              "textDocument",
              Map.of(
                  "uri",
                  uris.get(1),
                  "languageId",
                  "sql",
                  "version",
                  1,
                  "text",
                  "with x as (select * from {{ ref('a') }})\nselect id from x\n")));
      List<CompletableFuture<JsonObject>> answers = new ArrayList<>();
      long end = System.currentTimeMillis() + BUDGET_MILLIS;
      int sent = 0;
      for (; sent < MESSAGES && System.currentTimeMillis() < end; sent++) {
        JsonObject message = template(random);
        boolean request = message.has("id");
        int times = 1 + random.nextInt(3);
        for (int m = 0; m < times; m++) {
          mutate(message, random);
        }
        boolean truncate = random.nextInt(25) == 0;
        if (request && intact(message)) {
          int id = lsp.nextId();
          message.addProperty("id", id);
          if (!truncate) {
            answers.add(lsp.expect(id)); // an intact request is answered, whatever its params
          }
        }
        String body = message.toString();
        if (truncate) {
          body = body.substring(0, random.nextInt(body.length())); // JSON cut short
        }
        lsp.sendRaw(body);
        if (sent % 50 == 49) {
          assertServes(lsp, sanity);
        }
      }
      for (CompletableFuture<JsonObject> answer : answers) {
        try {
          answer.get(30, TimeUnit.SECONDS); // every intact request is answered
        } catch (java.util.concurrent.TimeoutException e) {
          throw new AssertionError(
              "an intact request was never answered; server stderr ends:\n" + tail(lsp.stderr()));
        }
      }
      long waited = System.currentTimeMillis();
      assertServes(lsp, sanity);
      System.err.printf(
          "fuzz: %d messages, %d requests answered; sending took %d ms, the last answers %d ms%n",
          sent,
          answers.size(),
          waited - (end - BUDGET_MILLIS),
          System.currentTimeMillis() - waited);
      assertTrue(lsp.process().isAlive(), "the server died; stderr:\n" + lsp.stderr());
      assertNull(lsp.readFailure(), "stdout carried something that is not JSON-RPC");
      String stderr = lsp.stderr();
      for (String fatal :
          List.of("OutOfMemoryError", "StackOverflowError", "Exception in thread")) {
        assertFalse(
            stderr.contains(fatal), fatal + " after " + sent + " messages:\n" + tail(stderr));
      }
    }
  }

  /** A JSON-RPC request envelope: a numeric id, a method name and the version. */
  private static boolean intact(JsonObject m) {
    return m.get("id") instanceof JsonPrimitive id
        && id.isNumber()
        && m.get("method") instanceof JsonPrimitive method
        && method.isString()
        && m.get("jsonrpc") instanceof JsonPrimitive v
        && v.isString()
        && v.getAsString().equals("2.0");
  }

  private static void assertServes(LspClient lsp, String uri) throws Exception {
    JsonElement hover;
    try {
      hover =
          lsp.request(
              "textDocument/hover",
              Map.of(
                  "textDocument",
                  Map.of("uri", uri),
                  "position",
                  Map.of("line", 0, "character", 23)));
    } catch (AssertionError e) {
      throw new AssertionError(
          "a well-formed hover was not answered; server stderr ends:\n" + tail(lsp.stderr()));
    }
    assertTrue(hover.toString().contains("a"), "a well-formed hover was not served: " + hover);
  }

  private static String tail(String s) {
    String t = s.length() > 4000 ? s.substring(s.length() - 4000) : s;
    return t.replaceAll("(.)\\1{60,}", "$1$1$1...");
  }

  // ---------------------------------------------------------------- messages

  private JsonObject template(Random r) {
    String uri = uris.get(r.nextInt(uris.size()));
    JsonObject at = obj("textDocument", obj("uri", uri), "position", position(r));
    String[][] requests = {
      {"textDocument/hover"},
      {"textDocument/completion"},
      {"textDocument/definition"},
      {"textDocument/references"},
      {"textDocument/documentHighlight"},
      {"textDocument/prepareRename"},
      {"textDocument/rename"},
      {"textDocument/documentSymbol"},
      {"textDocument/foldingRange"},
      {"textDocument/semanticTokens/full"},
      {"textDocument/documentLink"},
      {"textDocument/codeLens"},
      {"textDocument/codeAction"},
      {"workspace/symbol"},
      {"completionItem/resolve"},
      {"dbt/compile"},
      {"dbt/history"},
      {"dbt/savedQueries"},
      {"dbt/recommendations"},
      {"dbt/benchmarkStatus"},
      {"initialize"},
      {"no/such/method"}
    };
    String[] notifications = {
      "textDocument/didChange",
      "textDocument/didOpen",
      "textDocument/didClose",
      "workspace/didChangeConfiguration",
      "workspace/didChangeWatchedFiles",
      "$/cancelRequest",
      "$/setTrace",
      "no/such/notification"
    };
    JsonObject msg = new JsonObject();
    msg.addProperty("jsonrpc", "2.0");
    boolean isRequest = r.nextInt(3) > 0;
    String method =
        isRequest
            ? requests[r.nextInt(requests.length)][0]
            : notifications[r.nextInt(notifications.length)];
    msg.addProperty("method", method);
    if (isRequest) {
      msg.addProperty("id", 0);
    }
    JsonObject params =
        switch (method) {
          case "textDocument/rename" ->
              with(at.deepCopy(), "newName", new JsonPrimitive("renamed_" + r.nextInt(9)));
          case "textDocument/references" ->
              with(at.deepCopy(), "context", obj("includeDeclaration", new JsonPrimitive(true)));
          case "textDocument/documentSymbol",
              "textDocument/foldingRange",
              "textDocument/semanticTokens/full",
              "textDocument/documentLink",
              "textDocument/codeLens",
              "textDocument/didClose",
              "dbt/compile" ->
              obj("textDocument", obj("uri", uri), "uri", new JsonPrimitive(uri));
          case "textDocument/codeAction" ->
              obj(
                  "textDocument",
                  obj("uri", uri),
                  "range",
                  range(r),
                  "context",
                  obj("diagnostics", new JsonArray()));
          case "workspace/symbol" -> obj("query", new JsonPrimitive(r.nextBoolean() ? "a" : ""));
          case "completionItem/resolve" ->
              obj("label", new JsonPrimitive("a"), "data", new JsonPrimitive("1.0"));
          case "dbt/history", "dbt/savedQueries", "dbt/recommendations" ->
              obj("uri", new JsonPrimitive(uri));
          case "dbt/benchmarkStatus" -> obj("id", new JsonPrimitive("b" + r.nextInt(3)));
          case "initialize" -> obj("capabilities", new JsonObject());
          case "textDocument/didChange" ->
              obj(
                  "textDocument",
                  obj("uri", uri, "version", new JsonPrimitive(r.nextInt(100))),
                  "contentChanges",
                  array(
                      r.nextBoolean()
                          ? obj("range", range(r), "text", new JsonPrimitive(text(r)))
                          : obj("text", new JsonPrimitive(text(r)))));
          case "textDocument/didOpen" ->
              obj(
                  "textDocument",
                  obj(
                      "uri",
                      uri,
                      "languageId",
                      new JsonPrimitive("sql"),
                      "version",
                      new JsonPrimitive(1),
                      "text",
                      new JsonPrimitive(text(r))));
          case "workspace/didChangeConfiguration" ->
              obj(
                  "settings",
                  obj(
                      "dbtls",
                      obj(
                          "target",
                          new JsonPrimitive("dev"),
                          "rebuildDelayMs",
                          new JsonPrimitive(r.nextInt(50)))));
          case "workspace/didChangeWatchedFiles" ->
              obj(
                  "changes",
                  array(
                      obj(
                          "uri",
                          new JsonPrimitive(uri),
                          "type",
                          new JsonPrimitive(1 + r.nextInt(3)))));
          case "$/cancelRequest" -> obj("id", new JsonPrimitive(r.nextInt(1000)));
          case "$/setTrace" -> obj("value", new JsonPrimitive("off"));
          default -> at;
        };
    msg.add("params", params);
    return msg;
  }

  private static String text(Random r) {
    String[] pieces = {
      "select ",
      "{{ ref('",
      "a') }}",
      "{% if x %}",
      "{% endif %}",
      "\n",
      "'",
      "\"",
      "{{",
      "}}",
      "{#",
      "with y as (",
      ")",
      ",",
      "\uD83D\uDE00",
      "\uD800",
      "\t",
      "source('raw'"
    };
    StringBuilder b = new StringBuilder();
    for (int i = r.nextInt(30); i > 0; i--) {
      b.append(pieces[r.nextInt(pieces.length)]);
    }
    return b.toString();
  }

  private static JsonObject position(Random r) {
    return obj(
        "line", new JsonPrimitive(r.nextInt(4)), "character", new JsonPrimitive(r.nextInt(40)));
  }

  private static JsonObject range(Random r) {
    return obj("start", position(r), "end", position(r));
  }

  /** One random change somewhere in the message: a value replaced, a field removed or added. */
  private static void mutate(JsonObject msg, Random r) {
    List<JsonObject> objects = new ArrayList<>();
    collect(msg, objects);
    JsonObject target = objects.get(r.nextInt(objects.size()));
    List<String> keys = new ArrayList<>(target.keySet());
    int kind = r.nextInt(10);
    if (keys.isEmpty() || kind == 0) {
      target.add("unexpected" + r.nextInt(3), value(r));
    } else if (kind == 1) {
      target.remove(keys.get(r.nextInt(keys.size())));
    } else {
      target.add(keys.get(r.nextInt(keys.size())), value(r));
    }
  }

  private static void collect(JsonElement e, List<JsonObject> out) {
    if (e instanceof JsonObject o) {
      out.add(o);
      o.entrySet().forEach(x -> collect(x.getValue(), out));
    } else if (e instanceof JsonArray a) {
      a.forEach(x -> collect(x, out));
    }
  }

  private static JsonElement value(Random r) {
    return switch (r.nextInt(12)) {
      case 0 -> JsonNull.INSTANCE;
      case 1 -> new JsonPrimitive("");
      case 2 -> new JsonPrimitive("x".repeat(200_000));
      case 3 -> new JsonPrimitive(-1);
      case 4 -> new JsonPrimitive(Integer.MAX_VALUE);
      case 5 -> new JsonPrimitive(1e300);
      case 6 -> new JsonPrimitive(r.nextBoolean());
      case 7 -> new JsonArray();
      case 8 -> new JsonObject();
      case 9 -> JsonParser.parseString("[".repeat(250) + "]".repeat(250));
      case 10 -> new JsonPrimitive("\uD800\u0000\u202E" + "ref('");
      default -> new JsonPrimitive("file:///no/such/" + r.nextInt(5) + ".sql");
    };
  }

  private static JsonObject obj(Object... keysAndValues) {
    JsonObject o = new JsonObject();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      Object v = keysAndValues[i + 1];
      o.add(
          (String) keysAndValues[i],
          v instanceof JsonElement e ? e : new JsonPrimitive(String.valueOf(v)));
    }
    return o;
  }

  private static JsonObject with(JsonObject o, String key, JsonElement value) {
    o.add(key, value);
    return o;
  }

  private static JsonArray array(JsonElement... elements) {
    JsonArray a = new JsonArray();
    for (JsonElement e : elements) {
      a.add(e);
    }
    return a;
  }
}
