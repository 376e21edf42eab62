package dev.dbtls.ide;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dbtls.index.compile.ProjectSnapshot;
import dev.dbtls.project.Problem;
import dev.dbtls.testing.Fixture;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProjectDiagnosticsTest {
  @Test
  void anUndefinedMacroNamesTheClosestOne() {
    Fixture f = Fixture.of("""
        -- file: dbt_project.yml
        name: shop
        profile: shop
        -- file: macros/cents.sql
        {% macro cents_to_dollars(col) %}({{ col }} / 100){% endmacro %}
        -- file: models/pay.sql
        select {{ cents_to_dollar('amount') }} as dollars
        """);
    ProjectSnapshot s = f.snapshot();
    List<Problem> problems = Analysis.strict(s).diagnostics(List.of(Fixture.ROOT.resolve("models/pay.sql")))
        .get(Fixture.ROOT.resolve("models/pay.sql"));
    assertEquals(List.of("models/pay.sql:1:10: error undefined-macro: 'cents_to_dollar' is undefined;"
        + " did you mean 'cents_to_dollars'?"),
        problems.stream().map(Problem::format).toList());
  }
}
