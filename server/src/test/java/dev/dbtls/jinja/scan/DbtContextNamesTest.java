package dev.dbtls.jinja.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DbtContextNamesTest {

  @Test
  void everyNameIsListedOnceAndOnlyFunctionsHaveCallSnippets() {
    Set<String> seen = new HashSet<>();
    for (DbtContextNames.Name n : DbtContextNames.ALL) {
      assertTrue(seen.add(n.name()), "listed twice: " + n.name());
      assertTrue(
          n.snippet() == null || n.kind() == DbtContextNames.Kind.FUNCTION,
          "an object with a call snippet: " + n.name());
    }
  }

  /** What the scanner decides from the one table: which calls may hide a ref and need a render. */
  @Test
  void theScannerTakesItsBuiltinsFromTheTable() {
    StaticFacts f =
        StaticExtractor.extract(
            JinjaScanner.scan(
                "{{ range(3) }} {{ dateadd('day', 1, 'x') }} {{ my_macro() }}"
                    + " {{ target.get('x') }} {{ this.render() }} {{ dbt_utils.star('a') }}"));
    List<String> builtin =
        f.macroCalls().stream().filter(StaticFacts.MacroCall::builtin).map(c -> c.name()).toList();
    List<String> project =
        f.macroCalls().stream().filter(c -> !c.builtin()).map(c -> c.name()).toList();
    assertEquals(List.of("range", "dateadd"), builtin);
    // target.get and this.render are methods of context objects, not package macros
    assertEquals(List.of("my_macro", "star"), project);
    assertTrue(f.needsRender(), "a project macro may call ref");
    assertFalse(
        StaticExtractor.extract(JinjaScanner.scan("{{ range(3) }} {{ log('x') }}")).needsRender());
  }
}
