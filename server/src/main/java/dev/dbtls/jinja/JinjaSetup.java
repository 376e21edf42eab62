package dev.dbtls.jinja;

import dev.dbtls.project.Adapter;
import dev.dbtls.project.DbtVersion;
import java.util.List;
import java.util.Map;

/**
 * Everything the engine needs once per project load. {@code introspector} may be null; {@code
 * dbtVersion} is the dbt whose behaviour builtins follow where versions differ.
 */
public record JinjaSetup(
    Adapter adapter,
    String rootPackage,
    List<MacroFile> macroFiles,
    Map<String, List<String>> dispatchSearchOrder,
    Introspector introspector,
    DbtVersion dbtVersion) {
  public JinjaSetup(
      Adapter adapter,
      String rootPackage,
      List<MacroFile> macroFiles,
      Map<String, List<String>> dispatchSearchOrder,
      Introspector introspector) {
    this(adapter, rootPackage, macroFiles, dispatchSearchOrder, introspector, DbtVersion.DEFAULT);
  }

  public JinjaSetup {
    dbtVersion = dbtVersion == null ? DbtVersion.DEFAULT : dbtVersion;
    adapter = adapter == null ? Adapter.of(null) : adapter;
    rootPackage = rootPackage == null ? "root" : rootPackage;
    macroFiles =
        macroFiles == null
            ? List.of()
            : macroFiles.stream().filter(java.util.Objects::nonNull).toList();
    dispatchSearchOrder = dispatchSearchOrder == null ? Map.of() : Map.copyOf(dispatchSearchOrder);
  }
}
