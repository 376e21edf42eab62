package dev.dbtls.jinja;

import dev.dbtls.project.Adapter;
import java.util.List;
import java.util.Map;

/** Everything the engine needs once per project load. {@code introspector} may be null. */
public record JinjaSetup(Adapter adapter, String rootPackage, List<MacroFile> macroFiles,
    Map<String, List<String>> dispatchSearchOrder, Introspector introspector) {
  public JinjaSetup {
    macroFiles = macroFiles == null ? List.of() : List.copyOf(macroFiles);
    dispatchSearchOrder = dispatchSearchOrder == null ? Map.of() : Map.copyOf(dispatchSearchOrder);
  }
}
