package dev.dbtls.lsp;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** LSP4J hands untyped JSON over as Gson trees; the {@code ide} layer takes plain Java data. */
final class Json {
  private Json() {}

  /** Maps, lists, strings, numbers (long when whole, else double), booleans and nulls. */
  static Object plain(Object json) {
    if (json instanceof JsonObject o) {
      Map<String, Object> out = new LinkedHashMap<>();
      o.entrySet().forEach(e -> out.put(e.getKey(), plain(e.getValue())));
      return out;
    }
    if (json instanceof JsonArray a) {
      List<Object> out = new ArrayList<>();
      a.forEach(e -> out.add(plain(e)));
      return out;
    }
    if (json instanceof JsonPrimitive p) {
      if (p.isBoolean()) {
        return p.getAsBoolean();
      }
      if (p.isNumber()) {
        double d = p.getAsDouble();
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? (Object) (long) d : (Object) d;
      }
      return p.getAsString();
    }
    if (json instanceof JsonElement) {
      return null; // JsonNull
    }
    return json; // already plain (tests, or a client library that decoded it)
  }
}
