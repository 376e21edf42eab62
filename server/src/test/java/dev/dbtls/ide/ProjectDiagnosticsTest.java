package dev.dbtls.ide;

import static dev.dbtls.ide.FeatureChecks.checkProblems;

import org.junit.jupiter.api.Test;

class ProjectDiagnosticsTest {
  @Test
  void anUndefinedMacroNamesTheClosestOne() {
    checkProblems(
        """
        -- file: macros/cents.sql
        {% macro cents_to_dollars(col) %}({{ col }} / 100){% endmacro %}
        -- file: models/pay.sql
        $0select {{ cents_to_dollar('amount') }} as dollars
        """,
        "models/pay.sql:1:10: error undefined-macro: 'cents_to_dollar' is undefined;"
            + " did you mean 'cents_to_dollars'?");
  }
}
