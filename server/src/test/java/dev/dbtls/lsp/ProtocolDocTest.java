package dev.dbtls.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbtls.protocol.DbtProtocol;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.lsp4j.jsonrpc.services.JsonNotification;
import org.eclipse.lsp4j.jsonrpc.services.JsonRequest;
import org.junit.jupiter.api.Test;

/**
 * docs/protocol.md documents every dbt/* method of protocol-ext, and every field of its records.
 */
class ProtocolDocTest {
  private static String doc() throws Exception {
    return Files.readString(
        Path.of(System.getProperty("dbtls.repoRoot", ".."), "docs/protocol.md"));
  }

  @Test
  void everyMethodHasASectionAndEverySectionAMethod() throws Exception {
    Set<String> declared = new TreeSet<>();
    for (Class<?> side : java.util.List.of(DbtProtocol.class, dev.dbtls.protocol.DbtClient.class)) {
      for (Method m : side.getMethods()) {
        if (m.isAnnotationPresent(JsonRequest.class)
            || m.isAnnotationPresent(JsonNotification.class)) {
          declared.add("dbt/" + m.getName());
        }
      }
    }
    Set<String> documented = new TreeSet<>();
    Matcher h = Pattern.compile("(?m)^## (dbt/\\S+)").matcher(doc());
    while (h.find()) {
      documented.add(h.group(1));
    }
    assertTrue(!declared.isEmpty());
    assertEquals(declared, documented);
  }

  @Test
  void everyFieldOfEveryRecordIsDocumented() throws Exception {
    String doc = doc();
    for (Class<?> record : records()) {
      for (RecordComponent c : record.getRecordComponents()) {
        assertTrue(
            doc.contains("`" + c.getName() + "`"),
            record.getSimpleName() + "." + c.getName() + " is not in docs/protocol.md");
      }
    }
  }

  /** The records reachable from the params and results of DbtProtocol. */
  private static Set<Class<?>> records() {
    Set<Class<?>> out = new LinkedHashSet<>();
    Deque<Type> todo = new ArrayDeque<>();
    for (Class<?> side : java.util.List.of(DbtProtocol.class, dev.dbtls.protocol.DbtClient.class)) {
      for (Method m : side.getMethods()) {
        todo.addAll(java.util.List.of(m.getGenericParameterTypes()));
        todo.add(m.getGenericReturnType());
      }
    }
    while (!todo.isEmpty()) {
      Type t = todo.pop();
      if (t instanceof ParameterizedType p) {
        todo.addAll(java.util.List.of(p.getActualTypeArguments()));
      } else if (t instanceof Class<?> c && c.isRecord() && out.add(c)) {
        for (RecordComponent rc : c.getRecordComponents()) {
          todo.add(rc.getGenericType());
        }
      }
    }
    return out;
  }
}
