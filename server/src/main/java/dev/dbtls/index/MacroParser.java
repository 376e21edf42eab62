package dev.dbtls.index;

import dev.dbtls.jinja.scan.StaticFacts;
import dev.dbtls.project.FileKind;
import dev.dbtls.project.ProjectFile;
import dev.dbtls.project.ProjectInputs;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/** The macros of a project's macro and generic-test files, and which of them call ref or source. */
final class MacroParser {
  private final ProjectInputs inputs;
  private final PropertyIndex properties;

  MacroParser(ProjectInputs inputs, PropertyIndex properties) {
    this.inputs = inputs;
    this.properties = properties;
  }

  Map<String, Macro> macros(Map<ProjectFile, ParsedFile> parsed) {
    Map<String, Macro> out = new LinkedHashMap<>();
    for (ProjectFile f : inputs.files()) {
      ParsedFile p = parsed.get(f);
      if (p == null || !(f.kind() == FileKind.MACRO || f.kind() == FileKind.GENERIC_TEST)) {
        continue;
      }
      for (StaticFacts.MacroDef d : p.facts().macros()) {
        String name =
            switch (d.kind()) {
              case TEST -> "test_" + d.name();
              case MATERIALIZATION -> "materialization_" + d.name() + "_" + d.adapter();
              default -> d.name();
            };
        var spec = properties.macros.get(f.packageName() + "." + name);
        Macro m =
            new Macro(
                f.packageName(),
                name,
                d.params().stream().map(StaticFacts.Param::name).toList(),
                spec != null ? spec.description() : d.doc(),
                f.relativePath(),
                p.displayPath(),
                p.span(d.nameRange()));
        out.putIfAbsent(m.uniqueId(), m);
      }
    }
    return out;
  }

  /**
   * Names of macros that call ref/source/config themselves (or a var whose value is Jinja) or
   * through other macros.
   */
  static java.util.Set<String> refMacros(
      Map<ProjectFile, ParsedFile> parsed, dev.dbtls.project.Vars vars) {
    Map<String, java.util.Set<String>> calls = new HashMap<>();
    java.util.Set<String> direct = new java.util.HashSet<>();
    for (ParsedFile p : parsed.values()) {
      if (p.file().kind() != FileKind.MACRO) {
        continue;
      }
      StaticFacts f = p.facts();
      for (StaticFacts.MacroDef d : f.macros()) {
        if (f.refs().stream().anyMatch(r -> inside(d, r.call()))
            || f.sources().stream().anyMatch(r -> inside(d, r.call()))
            || f.configs().stream().anyMatch(r -> inside(d, r.call()))
            || f.vars().stream()
                .anyMatch(
                    v ->
                        inside(d, v.call())
                            && vars.rendersJinja(p.file().packageName(), v.name()))) {
          direct.add(d.name());
        }
        calls.computeIfAbsent(d.name(), k -> new java.util.HashSet<>()).addAll(callees(f, d));
      }
    }
    java.util.Set<String> out = new java.util.HashSet<>(direct);
    boolean grew = true;
    while (grew) {
      grew = false;
      for (var e : calls.entrySet()) {
        if (!out.contains(e.getKey()) && e.getValue().stream().anyMatch(out::contains)) {
          out.add(e.getKey());
          grew = true;
        }
      }
    }
    return out;
  }

  /** The names of the macros {@code d}'s body calls (not what it dispatches to). */
  static java.util.Set<String> callees(StaticFacts f, StaticFacts.MacroDef d) {
    java.util.Set<String> out = new java.util.HashSet<>();
    f.macroCalls().stream().filter(c -> inside(d, c.call())).forEach(c -> out.add(c.name()));
    return out;
  }

  /** Whether {@code r} lies in the definition of {@code d}. */
  static boolean inside(StaticFacts.MacroDef d, dev.dbtls.jinja.scan.TextRange r) {
    return d.whole().start() <= r.start() && r.end() <= d.whole().end();
  }
}
