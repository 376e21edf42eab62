package dev.dbtls.jinja;

import dev.dbtls.project.Adapter;
import java.util.List;
import java.util.Map;

/** Everything the engine needs once per project load. {@code introspector} may be null. */
public record JinjaSetup(
    Adapter adapter,
    String rootPackage,
    List<MacroFile> macroFiles,
    Map<String, List<String>> dispatchSearchOrder,
    Introspector introspector) {
  public JinjaSetup {
    adapter = adapter == null ? Adapter.of(null) : adapter;
    rootPackage = rootPackage == null ? "root" : rootPackage;
    macroFiles =
        macroFiles == null
            ? List.of()
            : macroFiles.stream().filter(java.util.Objects::nonNull).toList();
    dispatchSearchOrder = dispatchSearchOrder == null ? Map.of() : Map.copyOf(dispatchSearchOrder);
  }
}
