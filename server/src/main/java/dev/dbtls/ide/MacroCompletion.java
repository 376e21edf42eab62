package dev.dbtls.ide;

import dev.dbtls.index.Macro;
import dev.dbtls.jinja.scan.StaticFacts;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Macros: the ones an unqualified call reaches, a package's after {@code pkg.}, the parameters of
 * the macro being called as {@code param=}, and the dispatched names inside {@code
 * adapter.dispatch('}. Calls get a snippet with the parameters unless a {@code (} follows.
 */
final class MacroCompletion {
  private MacroCompletion() {}

  /**
   * dbt's own macros we ship ({@link DbtBuiltins}) as macros: names, parameters, leading comments.
   */
  static final List<Macro> BUILTINS = builtins();

  private static List<Macro> builtins() {
    List<Macro> out = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (StaticFacts.MacroDef d : DbtBuiltins.shippedMacros()) {
      if (d.kind() == StaticFacts.MacroKind.MACRO && seen.add(d.name())) {
        out.add(
            new Macro(
                "dbt",
                d.name(),
                d.params().stream().map(StaticFacts.Param::name).toList(),
                d.doc(),
                null,
                null,
                null));
      }
    }
    return List.copyOf(out);
  }

  /** Macros with a {@code default__} implementation: what {@code adapter.dispatch} looks up. */
  static void inString(CompletionContext c, CompletionItems items) {
    JinjaCall call = c.call;
    if (!"adapter".equals(call.qualifier)
        || !call.name.equals("dispatch")
        || call.argIndex != 0
        || call.keyword != null) {
      return;
    }
    List<Macro> all = new ArrayList<>(c.manifest.macros().values());
    all.addAll(BUILTINS);
    for (Macro m : all) {
      if (m.name().startsWith("default__") && m.name().length() > "default__".length()) {
        String name = m.name().substring("default__".length());
        items.add(
            name,
            CompletionKind.MACRO,
            0,
            "dispatched macro (" + m.packageName() + ")",
            null,
            name,
            false);
      }
    }
  }

  /** {@code param=} for the parameters of the macro being called, not yet given by keyword. */
  static void parameters(CompletionContext c, CompletionItems items) {
    JinjaCall call = c.call;
    if (call == null || !call.atArgStart || call.keyword != null) {
      return;
    }
    Macro m = called(c, call);
    if (m == null) {
      return;
    }
    int positional = call.argIndex - call.keywords.size();
    for (int i = Math.max(0, positional); i < m.parameters().size(); i++) {
      String p = m.parameters().get(i);
      if (!call.keywords.contains(p)) {
        items.add(
            p + "=", CompletionKind.KEYWORD, 0, "parameter of " + m.name(), null, p + "=", false);
      }
    }
  }

  private static Macro called(CompletionContext c, JinjaCall call) {
    if (call.qualifier != null) {
      if (!call.qualifier.equals("dbt") && c.snapshot.inputs().project(call.qualifier) == null) {
        return null;
      }
      return ofNamespace(c, call.qualifier).stream()
          .filter(m -> m.name().equals(call.name))
          .findFirst()
          .orElse(null);
    }
    for (String pkg : new String[] {c.rootProject(), c.packageName}) {
      Macro m = c.manifest.macros().get("macro." + pkg + "." + call.name);
      if (m != null) {
        return m;
      }
    }
    return BUILTINS.stream().filter(m -> m.name().equals(call.name)).findFirst().orElse(null);
  }

  /** Whether {@code owner.} names a namespace of macros: {@code dbt} or a package. */
  static boolean isNamespace(CompletionContext c, String owner) {
    return owner.equals("dbt") || c.snapshot.inputs().project(owner) != null;
  }

  /** After {@code pkg.}: the package's macros. */
  static void ofNamespace(CompletionContext c, String namespace, CompletionItems items) {
    for (Macro m : ofNamespace(c, namespace)) {
      item(m, items, 0, c.callFollows);
    }
  }

  private static List<Macro> ofNamespace(CompletionContext c, String namespace) {
    if (namespace.equals("dbt")) {
      return BUILTINS;
    }
    List<Macro> out = new ArrayList<>();
    for (Macro m : c.manifest.macros().values()) {
      if (m.packageName().equals(namespace)) {
        out.add(m);
      }
    }
    return out;
  }

  /**
   * Unqualified calls reach the root project's macros and the calling package's own; then dbt's.
   */
  static void reachable(CompletionContext c, CompletionItems items) {
    String root = c.rootProject();
    for (Macro m : c.manifest.macros().values()) {
      if (m.packageName().equals(root) || m.packageName().equals(c.packageName)) {
        item(m, items, 1, c.callFollows);
      }
    }
    for (Macro m : BUILTINS) {
      if (!DbtBuiltins.isContextName(m.name())) { // dbt's context has it already: offered once
        item(m, items, 4, c.callFollows);
      }
    }
  }

  private static void item(Macro m, CompletionItems items, int group, boolean callFollows) {
    String name = m.name();
    if (name.startsWith("test_") || name.startsWith("materialization_") || !items.matches(name)) {
      return;
    }
    if (name.contains("__")) {
      group += 5; // adapter implementations of a dispatched macro
    }
    String signature = name + "(" + String.join(", ", m.parameters()) + ")";
    StringBuilder doc = new StringBuilder();
    if (m.description() != null && !m.description().isBlank()) {
      doc.append(m.description().strip()).append("\n\n");
    }
    doc.append("`").append(m.packageName()).append('.').append(signature).append('`');
    if (m.displayPath() != null) {
      doc.append(" in ").append(m.displayPath());
    }
    String insert = name;
    if (!callFollows) {
      StringBuilder s = new StringBuilder(name).append('(');
      for (int i = 0; i < m.parameters().size(); i++) {
        s.append(i == 0 ? "" : ", ")
            .append("${")
            .append(i + 1)
            .append(':')
            .append(m.parameters().get(i))
            .append('}');
      }
      insert = s.append(')').toString();
    }
    items.add(
        name,
        CompletionKind.MACRO,
        group,
        "macro " + m.packageName() + "." + signature,
        doc.toString(),
        insert,
        !callFollows);
  }
}
