package dev.dbtls.ide;

import dev.dbtls.index.compile.BuiltinMacros;
import dev.dbtls.jinja.MacroFile;
import dev.dbtls.jinja.scan.DbtContextNames;
import dev.dbtls.jinja.scan.JinjaScanner;
import dev.dbtls.jinja.scan.StaticExtractor;
import dev.dbtls.jinja.scan.StaticFacts;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * dbt's builtins as the editor knows them: the names dbt (and Jinja) put into every template's
 * context, functions and objects, and the macros dbt ships (ours, in the jar). Completion offers
 * the context names that have help, semantic tokens mark all of them as the default library, hover
 * names the functions, and rename refuses them as new names.
 */
final class DbtBuiltins {
  private DbtBuiltins() {}

  /** Whether dbt's context has {@code name} (a function or an object). */
  static boolean isContextName(String name) {
    return DbtContextNames.contains(name);
  }

  /** Whether {@code name} is a function of dbt's context (not a macro). */
  static boolean isFunction(String name) {
    return DbtContextNames.isFunction(name);
  }

  /** Every macro, test and materialization definition dbt ships, in file order. */
  static List<StaticFacts.MacroDef> shippedMacros() {
    return Shipped.DEFINITIONS;
  }

  /**
   * Whether dbt ships a macro of this name: a macro or materialization by its name, a generic test
   * as {@code test_<name>}.
   */
  static boolean isShippedMacro(String name) {
    return Shipped.NAMES.contains(name);
  }

  /** Read once, on first use. */
  private static final class Shipped {
    static final List<StaticFacts.MacroDef> DEFINITIONS;
    static final Set<String> NAMES;

    static {
      List<StaticFacts.MacroDef> defs = new ArrayList<>();
      Set<String> names = new HashSet<>();
      for (MacroFile f : BuiltinMacros.shipped()) {
        for (StaticFacts.MacroDef d :
            StaticExtractor.extract(JinjaScanner.scan(f.text())).macros()) {
          defs.add(d);
          names.add(d.kind() == StaticFacts.MacroKind.TEST ? "test_" + d.name() : d.name());
        }
      }
      DEFINITIONS = List.copyOf(defs);
      NAMES = Set.copyOf(names);
    }
  }
}
