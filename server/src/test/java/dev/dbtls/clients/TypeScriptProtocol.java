package dev.dbtls.clients;

import dev.dbtls.protocol.DbtClient;
import dev.dbtls.protocol.DbtProtocol;
import dev.dbtls.protocol.WireEnum;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import org.eclipse.lsp4j.jsonrpc.services.JsonNotification;
import org.eclipse.lsp4j.jsonrpc.services.JsonRequest;
import org.eclipse.lsp4j.jsonrpc.validation.NonNull;

/**
 * The TypeScript declarations of the {@code dbt/*} protocol, written from protocol-ext's interfaces
 * and records: the VS Code client's types cannot drift from the server's. A record field that Java
 * can leave null is optional in TypeScript, because LSP4J leaves nulls out; a {@code @NonNull} one
 * is required. An enum is a union of the strings {@link WireEnum} writes.
 */
final class TypeScriptProtocol {
  static final String HEADER =
      """
      // Generated from protocol-ext (dev.dbtls.protocol) by ClientTypesTest: do not edit.
      // Regenerate: mvn -pl server -am test -Dtest=ClientTypesTest -Ddbtls.updateGenerated=true
      // What each message and field means: docs/protocol.md.
      """;

  private TypeScriptProtocol() {}

  static String generate() {
    StringBuilder out = new StringBuilder(HEADER);
    for (Class<?> e : enums()) {
      out.append("\nexport type ").append(e.getSimpleName()).append(" = ");
      out.append(
              String.join(
                  " | ",
                  Arrays.stream(e.getEnumConstants())
                      .map(k -> "'" + WireEnum.wire((Enum<?>) k) + "'")
                      .toList()))
          .append(";\n");
    }
    for (Class<?> record : records()) {
      out.append("\nexport interface ").append(record.getSimpleName()).append(" {\n");
      for (RecordComponent c : record.getRecordComponents()) {
        boolean required = c.getType().isPrimitive() || nonNull(record, c);
        out.append("  ")
            .append(c.getName())
            .append(required ? ": " : "?: ")
            .append(type(c.getGenericType()))
            .append(";\n");
      }
      out.append("}\n");
    }
    out.append("\n/** Client → server requests: params and result of each `dbt/` method. */\n");
    out.append("export interface DbtRequests {\n");
    for (Method m : methods(DbtProtocol.class, JsonRequest.class)) {
      Type result = ((ParameterizedType) m.getGenericReturnType()).getActualTypeArguments()[0];
      out.append("  'dbt/")
          .append(m.getName())
          .append("': { params: ")
          .append(type(m.getGenericParameterTypes()[0]))
          .append("; result: ")
          .append(type(result))
          .append(" | null };\n");
    }
    out.append("}\n");
    notifications(out, "DbtNotifications", "Client → server notifications.", DbtProtocol.class);
    notifications(out, "DbtServerNotifications", "Server → client notifications.", DbtClient.class);
    return out.toString();
  }

  private static void notifications(StringBuilder out, String name, String doc, Class<?> side) {
    out.append("\n/** ").append(doc).append(" */\nexport interface ").append(name).append(" {\n");
    for (Method m : methods(side, JsonNotification.class)) {
      out.append("  'dbt/")
          .append(m.getName())
          .append("': ")
          .append(type(m.getGenericParameterTypes()[0]))
          .append(";\n");
    }
    out.append("}\n");
  }

  private static List<Method> methods(
      Class<?> side, Class<? extends java.lang.annotation.Annotation> kind) {
    return Arrays.stream(side.getMethods())
        .filter(m -> m.isAnnotationPresent(kind))
        .sorted(Comparator.comparing(Method::getName))
        .toList();
  }

  private static String type(Type t) {
    if (t instanceof ParameterizedType p) {
      Type raw = p.getRawType();
      Type[] args = p.getActualTypeArguments();
      if (raw == List.class || raw == Set.class) {
        String item = type(args[0]);
        return item.contains(" ") ? "(" + item + ")[]" : item + "[]";
      }
      if (raw == Map.class) {
        return "Record<" + type(args[0]) + ", " + type(args[1]) + ">";
      }
      if (raw == CompletableFuture.class) {
        return type(args[0]);
      }
      throw new IllegalArgumentException("no TypeScript for " + t);
    }
    Class<?> c = (Class<?>) t;
    if (c == String.class || c == char.class || c == Character.class) {
      return "string";
    }
    if (c == boolean.class || c == Boolean.class) {
      return "boolean";
    }
    if (c.isPrimitive() || Number.class.isAssignableFrom(c)) {
      return "number";
    }
    if (c == Object.class) {
      return "unknown";
    }
    if (c == Void.class || c == void.class) {
      return "null";
    }
    if (c.isRecord() || c.isEnum()) {
      return c.getSimpleName();
    }
    throw new IllegalArgumentException("no TypeScript for " + c);
  }

  /** A field the server never leaves null ({@code @NonNull}) is required in TypeScript. */
  private static boolean nonNull(Class<?> record, RecordComponent c) {
    try {
      return record.getDeclaredField(c.getName()).isAnnotationPresent(NonNull.class);
    } catch (NoSuchFieldException e) {
      return false;
    }
  }

  /** Every enum a record field holds, by name: a union of the strings it is on the wire. */
  private static Set<Class<?>> enums() {
    Set<Class<?>> out = new TreeSet<>(Comparator.comparing(Class::getName));
    for (Class<?> record : records()) {
      for (RecordComponent rc : record.getRecordComponents()) {
        if (rc.getType().isEnum()) {
          out.add(rc.getType());
        }
      }
    }
    return out;
  }

  /** Every record reachable from the two interfaces, by name (a stable order for the file). */
  private static Set<Class<?>> records() {
    Map<String, Class<?>> found = new TreeMap<>();
    Deque<Type> todo = new ArrayDeque<>();
    for (Class<?> side : List.of(DbtProtocol.class, DbtClient.class)) {
      for (Method m : side.getMethods()) {
        todo.addAll(List.of(m.getGenericParameterTypes()));
        todo.add(m.getGenericReturnType());
      }
    }
    while (!todo.isEmpty()) {
      Type t = todo.pop();
      if (t instanceof ParameterizedType p) {
        todo.addAll(List.of(p.getActualTypeArguments()));
      } else if (t instanceof Class<?> c
          && c.isRecord()
          && found.putIfAbsent(c.getName(), c) == null) {
        for (RecordComponent rc : c.getRecordComponents()) {
          todo.add(rc.getGenericType());
        }
      }
    }
    Set<Class<?>> out = new java.util.LinkedHashSet<>();
    new TreeSet<>(found.keySet()).forEach(k -> out.add(found.get(k)));
    return out;
  }
}
